using System.Collections.Generic;

namespace Engagement.Rules.Yaml.Diagnostics;

/// <summary>Collects every diagnostic of a load, so that all problems are reported in one pass.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<RuleDiagnostic> _items = new();

    public IReadOnlyList<RuleDiagnostic> Items => _items;

    public bool HasErrors { get; private set; }

    public void Add(RuleDiagnostic diagnostic)
    {
        _items.Add(diagnostic);
        HasErrors |= diagnostic.Severity == DiagnosticSeverity.Error;
    }

    public void Error(string code, SourceLocation location, string message, string? ruleId = null, string? sourceLine = null) =>
        Add(new RuleDiagnostic(code, DiagnosticSeverity.Error, location, message, ruleId, sourceLine));

    public void Warning(string code, SourceLocation location, string message, string? ruleId = null, string? sourceLine = null) =>
        Add(new RuleDiagnostic(code, DiagnosticSeverity.Warning, location, message, ruleId, sourceLine));
}

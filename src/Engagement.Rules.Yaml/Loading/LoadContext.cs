using System.Collections.Generic;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Syntax;

namespace Engagement.Rules.Yaml.Loading;

/// <summary>
/// The state shared by one load: the diagnostics, the texts (to quote the offending line) and the limits.
/// </summary>
internal sealed class LoadContext
{
    private readonly Dictionary<string, SourceText> _sources = new(System.StringComparer.Ordinal);

    public LoadContext(RuleLoaderOptions options)
    {
        Options = options;
        ExpressionCompiler = DefaultExpressionCompiler.For(options);
    }

    public RuleLoaderOptions Options { get; }

    /// <summary>The expression compiler, limited to the options' <see cref="RuleLoaderOptions.MaxExpressionLength"/>.</summary>
    public Expressions.IExpressionCompiler ExpressionCompiler { get; }

    public DiagnosticBag Diagnostics { get; } = new();

    public void AddSource(SourceText source) => _sources[source.Name] = source;

    public void Error(string code, SourceLocation location, string message, string? ruleId = null) =>
        Diagnostics.Error(code, location, message, ruleId, SourceLineOf(location));

    public void Warning(string code, SourceLocation location, string message, string? ruleId = null) =>
        Diagnostics.Warning(code, location, message, ruleId, SourceLineOf(location));

    public string? SourceLineOf(SourceLocation location) =>
        location.File is not null && _sources.TryGetValue(location.File, out var source) ? source.Line(location.Line) : null;
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Engagement.Rules.Yaml.Diagnostics;

/// <summary>
/// One problem found while loading rule files: where it is, which rule, a stable code and a message that
/// says what to do.
/// </summary>
public sealed record RuleDiagnostic
{
    /// <summary>Creates a diagnostic.</summary>
    /// <param name="code">The stable code, e.g. <c>ER0101</c>.</param>
    /// <param name="severity">The severity.</param>
    /// <param name="location">Where the problem is.</param>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="ruleId">The rule concerned, when known.</param>
    /// <param name="sourceLine">The text of the offending line, when known.</param>
    public RuleDiagnostic(string code, DiagnosticSeverity severity, SourceLocation location, string message, string? ruleId = null, string? sourceLine = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        Code = code;
        Severity = severity;
        Location = location;
        Message = message;
        RuleId = ruleId;
        SourceLine = sourceLine;
    }

    /// <summary>The stable code, e.g. <c>ER0101</c>; documented in docs/rule-language.md.</summary>
    public string Code { get; }

    /// <summary>The severity.</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>Where the problem is.</summary>
    public SourceLocation Location { get; }

    /// <summary>What is wrong and what to do.</summary>
    public string Message { get; }

    /// <summary>The rule concerned, when known.</summary>
    public string? RuleId { get; }

    /// <summary>The text of the offending line, when known.</summary>
    public string? SourceLine { get; }

    /// <summary>
    /// The compiler-style one-liner <c>file:line:col: severity code: message</c>, followed, when the source
    /// line is known, by that line and a caret under the column.
    /// </summary>
    /// <returns>The formatted diagnostic.</returns>
    public string Format()
    {
        var text = new StringBuilder()
            .Append(Location.ToString()).Append(": ")
            .Append(Severity == DiagnosticSeverity.Error ? "error " : "warning ")
            .Append(Code).Append(": ").Append(Message);
        if (!string.IsNullOrEmpty(RuleId))
        {
            text.Append(" [rule ").Append(RuleId).Append(']');
        }

        if (SourceLine is not null)
        {
            text.Append('\n').Append(SourceLine).Append('\n')
                .Append(' ', Math.Max(0, Location.Column - 1)).Append('^');
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Format();

    /// <summary>Several diagnostics, each <see cref="Format"/>ted, one after the other ('\n' between them, as within one).</summary>
    internal static string FormatAll(IEnumerable<RuleDiagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => d.Format()));
}

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
    /// line is known, by that line (a window of 160 characters around the column, marked with "...", when it is
    /// longer) and a caret under the column.
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
            // A very long line (a one-line file) is cut to a window around the column, marked with "...".
            var column = Math.Clamp(Location.Column - 1, 0, SourceLine.Length);
            var start = SourceLine.Length <= EchoWidth ? 0 : Math.Clamp(column - (EchoWidth / 2), 0, SourceLine.Length - EchoWidth);
            var end = Math.Min(SourceLine.Length, start + EchoWidth);
            var prefix = start > 0 ? "..." : string.Empty;
            text.Append('\n').Append(prefix).Append(SourceLine, start, end - start).Append(end < SourceLine.Length ? "..." : string.Empty).Append('\n')
                .Append(' ', prefix.Length + column - start).Append('^');
        }

        return text.ToString();
    }

    /// <summary>The most characters of the source line shown under a diagnostic.</summary>
    private const int EchoWidth = 160;

    /// <inheritdoc />
    public override string ToString() => Format();

    /// <summary>Several diagnostics, each <see cref="Format"/>ted, one after the other ('\n' between them, as within one).</summary>
    internal static string FormatAll(IEnumerable<RuleDiagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => d.Format()));
}

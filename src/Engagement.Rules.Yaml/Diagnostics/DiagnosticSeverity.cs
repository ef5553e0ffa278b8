namespace Engagement.Rules.Yaml.Diagnostics;

/// <summary>How serious a rule-file diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The file loads, but something deserves attention.</summary>
    Warning = 0,

    /// <summary>The file does not load.</summary>
    Error = 1,
}

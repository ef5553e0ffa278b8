namespace Engagement.Rules.Cli;

/// <summary>The tool's exit codes (docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>Everything went well (warnings may have been printed).</summary>
    public const int Success = 0;

    /// <summary>The rules have errors, or rule tests failed.</summary>
    public const int Failed = 1;

    /// <summary>The command line or an input is wrong: a missing path, bad JSON, an unknown customer, a bad option value.</summary>
    public const int BadInput = 2;

    /// <summary>An unexpected internal failure (a defect).</summary>
    public const int InternalError = 3;
}

using System;

namespace Engagement.Rules.Cli;

/// <summary>
/// A user error: reported as its message (never a stack trace) with its exit code; a located one as
/// <c>file:line: error: message</c>, the order the rule loader's diagnostics use.
/// </summary>
internal sealed class CliException : Exception
{
    public CliException(int exitCode, string message, string? location = null)
        : base(message)
    {
        ExitCode = exitCode;
        Location = location;
    }

    public CliException()
    {
    }

    public CliException(string message)
        : this(ExitCodes.BadInput, message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = ExitCodes.BadInput;
    }

    public int ExitCode { get; } = ExitCodes.BadInput;

    /// <summary>Where the error is (<c>file</c> or <c>file:line</c>), when it is in an input file.</summary>
    public string? Location { get; }

    /// <summary>The line the tool writes: <c>location: error: message</c>, or <c>error: message</c> without a location.</summary>
    public string Format() => Location is null ? $"error: {Message}" : $"{Location}: error: {Message}";
}

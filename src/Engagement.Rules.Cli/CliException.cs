using System;

namespace Engagement.Rules.Cli;

/// <summary>A user error: reported as its message (never a stack trace) with its exit code.</summary>
internal sealed class CliException : Exception
{
    public CliException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
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
}

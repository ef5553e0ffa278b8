using System;
using System.IO;
using NodaTime;

namespace Engagement.Rules.Cli;

/// <summary>
/// Where the tool writes and what time it is: the real console and clock in <see cref="Program"/>, captured
/// writers and a fixed clock in tests.
/// </summary>
/// <param name="Out">Results (tables, JSON) only, so that they can be piped.</param>
/// <param name="Error">Diagnostics, summaries for programs, progress.</param>
/// <param name="ErrorIsTerminal">Whether <paramref name="Error"/> is an interactive terminal (progress is shown only then).</param>
/// <param name="Clock">The clock for "now" when <c>--at</c> is not given.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool ErrorIsTerminal, IClock Clock)
{
    public static CliConsole FromSystem()
    {
#pragma warning disable RS0030 // The tool is a host: reading the system clock once, here, is its job (docs/cli.md, --at).
        var clock = SystemClock.Instance;
#pragma warning restore RS0030
        return new CliConsole(Console.Out, Console.Error, !Console.IsErrorRedirected, clock);
    }
}

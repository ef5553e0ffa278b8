using System;
using System.Globalization;

namespace Engagement.Rules.Cli.Output;

/// <summary>
/// "evaluated N customers" on one rewritten stderr line, only when stderr is a terminal: never on stdout, never in
/// a redirected log.
/// </summary>
internal sealed class ProgressIndicator(CliConsole console, int every = 100) : IDisposable
{
    private int _count;
    private bool _shown;

    public void Advance()
    {
        _count++;
        if (console.ErrorIsTerminal && _count % every == 0)
        {
            TerminalSafeWriter.ReturnToLineStart(console.Error);
            console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"evaluated {_count} customers..."));
            _shown = true;
        }
    }

    /// <summary>Writes a line to stderr, first erasing the progress line so that the message starts on a clean line.</summary>
    public void WriteError(string line)
    {
        Erase();
        console.Error.WriteLine(line);
    }

    public void Dispose() => Erase();

    private void Erase()
    {
        if (_shown)
        {
            // Erase the progress line so that the summary starts on a clean line.
            TerminalSafeWriter.ReturnToLineStart(console.Error);
            console.Error.Write(new string(' ', 40));
            TerminalSafeWriter.ReturnToLineStart(console.Error);
            _shown = false;
        }
    }
}

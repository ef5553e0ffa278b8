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
            console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\revaluated {_count} customers..."));
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
            console.Error.Write("\r" + new string(' ', 40) + "\r");
            _shown = false;
        }
    }
}

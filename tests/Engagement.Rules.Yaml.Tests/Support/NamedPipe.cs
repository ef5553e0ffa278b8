using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace Engagement.Rules.Yaml.Tests.Support;

/// <summary>Real named pipes (FIFOs) for the tests that files which are not regular are refused, not opened.</summary>
internal static class NamedPipe
{
    /// <summary>Creates a FIFO with mkfifo; the test is skipped (Assume) where there is none (Linux only).</summary>
    public static string Create(string path)
    {
        Assume.That(OperatingSystem.IsLinux(), "named pipes are tested on Linux (mkfifo)");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assume.That(mkfifo.ExitCode, Is.Zero, "mkfifo failed");
        return path;
    }

    /// <summary>
    /// Runs what may open the pipe. Opening a FIFO waits for a writer: should it be opened after all, the call would
    /// never return, so after a generous wait (a guard against hanging, not a timing assertion) the pipe is opened for
    /// writing, which releases the reader, and the test fails saying so.
    /// </summary>
    public static T WithoutHanging<T>(string pipe, Func<T> act)
    {
        var task = Task.Run(act);
        if (!task.Wait(TimeSpan.FromSeconds(60)))
        {
            using (new FileStream(pipe, FileMode.Open, FileAccess.Write))
            {
            }

            Assert.Fail($"The named pipe {pipe} was opened: the call blocked until the test wrote to it.");
        }

        return task.Result;
    }
}

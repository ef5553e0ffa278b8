using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using Engagement.Rules.Cli.Commands;
using Engagement.Rules.Serialization;

namespace Engagement.Rules.Cli;

/// <summary>The command tree and how a command line is run against a <see cref="CliConsole"/>.</summary>
internal static class CliApplication
{
    public static RootCommand CreateRootCommand(CliConsole console)
    {
        var root = new RootCommand("engagement-rules: validate, test, run, explain and forecast Engagement.Rules YAML rules.")
        {
            ValidateCommand.Create(console),
            TestCommand.Create(console),
            RunCommand.Create(console),
            ExplainCommand.Create(console),
            ForecastCommand.Create(console),
        };
        return root;
    }

    /// <summary>Parses and runs a command line; returns the exit code.</summary>
    public static int Run(string[] args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);

        // Values from facts files reach tables and messages: never let one drive the terminal.
        console = console with { Out = new Output.TerminalSafeWriter(console.Out), Error = new Output.TerminalSafeWriter(console.Error) };
        var parse = CreateRootCommand(console).Parse(args);
        if (parse.Errors.Count > 0)
        {
            // Usage errors are bad input (exit 2), like a missing file; the library's default would be 1.
            foreach (var error in parse.Errors)
            {
                console.Error.WriteLine($"error: {error.Message}");
            }

            console.Error.WriteLine("Run 'engagement-rules --help' (or '<command> --help') for usage.");
            return ExitCodes.BadInput;
        }

        return parse.Invoke(new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        });
    }

    /// <summary>Runs a command body, turning user errors into a message and an exit code (never a stack trace).</summary>
    public static int Execute(CliConsole console, Func<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return ExecuteAsync(console, _ => Task.FromResult(body()), CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>The asynchronous form of <see cref="Execute"/>.</summary>
    public static async Task<int> ExecuteAsync(CliConsole console, Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body(cancellationToken).ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            console.Error.WriteLine(ex.Format());
            return ex.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.Error.WriteLine("cancelled");
            return 130;
        }
        catch (Exception ex) when (ex is System.IO.IOException or UnauthorizedAccessException)
        {
            // An input that exists but cannot be read (permissions, a device, a file removed while reading) is bad
            // input, not a defect of the tool.
            console.Error.WriteLine($"error: cannot read or write a file: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (EngagementEvaluationException ex)
        {
            // A rule or policy failed at run time for one customer: name it, without the stack.
            console.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Failed;
        }
#pragma warning disable CA1031 // The tool's last line of defence: a defect is reported in one line, not a crash dump.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            console.Error.WriteLine($"internal error ({ex.GetType().Name}): {ex.Message}");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>A located facts error, written <c>file:line: error: $.path: reason</c>.</summary>
    public static CliException FactsError(string file, FactsFormatException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var location = ex.LineNumber is { } line ? $"{file}:{line}" : file;
        var path = ex.Path is { } p ? $"{p}: " : string.Empty;
        return new CliException(ExitCodes.BadInput, $"{path}{ex.Reason}", location);
    }
}

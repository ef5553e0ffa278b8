namespace Engagement.Rules.Cli;

/// <summary>The entry point of the <c>engagement-rules</c> tool: the real console and the system clock.</summary>
internal static class Program
{
    public static int Main(string[] args) => CliApplication.Run(args, CliConsole.FromSystem());
}

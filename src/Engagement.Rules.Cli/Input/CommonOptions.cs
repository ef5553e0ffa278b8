using System.CommandLine;

namespace Engagement.Rules.Cli.Input;

/// <summary>The options shared by run, explain and forecast.</summary>
internal static class CommonOptions
{
    public static Option<string[]> Rules() => new("--rules", "-r")
    {
        Description = "Rule files (*.yaml) or folders searched for them.",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
        Arity = ArgumentArity.OneOrMore,
    };

    public static Option<string> Facts() => new("--facts", "-f")
    {
        Description = "The customers' facts: a JSON document (.json, one customer) or JSON Lines (.jsonl, one customer per line).",
        Required = true,
    };

    public static Option<string?> Dealerships() => new("--dealerships", "-d")
    {
        Description = "The shared dealership settings ({\"dealerships\": [...]}) for facts that name their dealership by dealershipId.",
    };

    public static Option<string?> At() => new("--at")
    {
        Description = "The evaluation instant, ISO-8601 (e.g. 2026-11-24T15:00:00Z or 2026-11-24T10:00:00-05:00); default: now.",
    };

    public static Option<string?> Customer(bool required) => new("--customer", "-c")
    {
        Description = "The customer id.",
        Required = required,
    };
}

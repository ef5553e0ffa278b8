using System.Collections.Generic;

namespace Engagement.Rules.Engine;

/// <summary>Settings of a session.</summary>
public sealed record SessionOptions
{
    /// <summary>The default settings.</summary>
    public static SessionOptions Default { get; } = new();

    /// <summary>
    /// The loop guard: the most rules one <c>Fire</c> may fire before it stops with a
    /// <see cref="RuleLoopException"/> naming the rules involved. Default 10,000.
    /// </summary>
    public int MaxFiringsPerFire { get; init; } = 10_000;

    /// <summary>
    /// The match guard: the most partial matches (tokens: one per fact, value, not/exists or aggregate level of a
    /// match in progress) the session may hold at once before the operation adding one stops with a
    /// <see cref="RuleMatchLimitException"/> naming the rule. Patterns that do not relate their facts multiply them
    /// (four unrelated patterns over 100 facts make 100,000,000 matches), which would otherwise exhaust the memory or
    /// hang the host. Default 4,000,000 (about 400 MB): the 20 dealership rules of the engine benchmarks hold 118 in a
    /// one-customer session (11 facts) and 1,170,001 in a session of 10,000 such customers; the default rule pack
    /// (rules/) holds at most 125 in a one-customer session of the sample data (samples/data). Raise it for larger
    /// sessions, lower it where sessions are small (one customer each) to stop a runaway rule sooner.
    /// </summary>
    public int MaxPartialMatches { get; init; } = 4_000_000;

    /// <summary>
    /// How many objects of each kind (tokens, fact entries, activations, memory and index entries) the session's
    /// state keeps for the next session of the same rule set when this one is disposed, instead of leaving them to
    /// the garbage collector. Default 4,096: a one-customer session needs a few hundred. Raise it when large
    /// sessions (thousands of facts) run one after another, so each reuses the last one's objects instead of
    /// allocating them again (at the price of that memory staying allocated while the state is pooled); 0 keeps
    /// nothing. A state keeps at most the limit of the last session that ended on it. The limit bounds the objects
    /// kept, not what they reach: after a session larger than the limit, the kept objects still link to the rest of
    /// it until the next session on the state reuses them.
    /// <para>
    /// A kept object is re-initialised before the next session uses it; until then it still points at the facts
    /// of the session that used it last (no handle can reach them, but they are not yet collectable). A host that
    /// must let go of a customer's facts as soon as the session is disposed sets 0.
    /// </para>
    /// </summary>
    public int MaxRetainedPerKind { get; init; } = 4096;

    /// <summary>Every invalid setting, described; empty when the options are valid.</summary>
    /// <returns>The problems, one sentence each, naming the setting.</returns>
    public IReadOnlyList<string> GetErrors() => Errors() ?? [];

    /// <summary>Checks every setting at once (as <c>CreateSession</c> does).</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">
    /// A setting is invalid; the message names every problem of <see cref="GetErrors"/> (the type <c>CreateSession</c>
    /// throws too).
    /// </exception>
    public void Validate() => Validate(parameterName: null);

    /// <summary>As <see cref="Validate()"/>, naming the parameter the options came in (without allocating when valid).</summary>
    internal void Validate(string? parameterName)
    {
        if (Errors() is { } errors)
        {
            throw new System.ArgumentOutOfRangeException(parameterName, "Invalid SessionOptions: " + string.Join(" ", errors));
        }
    }

    /// <summary>Every invalid setting, described; null when the options are valid (checked on every session, so without allocating then).</summary>
    internal List<string>? Errors()
    {
        List<string>? errors = null;
        if (MaxFiringsPerFire <= 0)
        {
            (errors ??= []).Add($"MaxFiringsPerFire must be positive (was {MaxFiringsPerFire}).");
        }

        if (MaxPartialMatches <= 0)
        {
            (errors ??= []).Add($"MaxPartialMatches must be positive (was {MaxPartialMatches}).");
        }

        if (MaxRetainedPerKind < 0)
        {
            (errors ??= []).Add($"MaxRetainedPerKind must not be negative (was {MaxRetainedPerKind}).");
        }

        return errors;
    }
}

using System;
using System.Collections.Generic;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Engine.Network;
using Engagement.Rules.Engine.Runtime;

namespace Engagement.Rules.Engine;

/// <summary>
/// A rule set compiled into a Rete network: immutable and thread-safe, shared by every session created from it.
/// </summary>
public sealed class CompiledRuleSet
{
    private readonly SessionPool _pool = new();

    internal CompiledRuleSet(IReadOnlyList<RuleDefinition> rules, ReteNetwork network, string? fingerprint)
    {
        Rules = rules;
        Network = network;
        Fingerprint = fingerprint;
    }

    /// <summary>The rules, in the order given to the compiler.</summary>
    public IReadOnlyList<RuleDefinition> Rules { get; }

    /// <summary>
    /// A short, printable identity of the rules' sources, given to <see cref="RuleCompiler.Compile(IEnumerable{RuleDefinition}, string)"/>:
    /// the same rule sources give the same fingerprint on any machine, and any change of a source gives another, so a
    /// host can record which version of the rules decided something (across hot reloads, say). Rules loaded from YAML
    /// get one from their files (32 lower-case hex digits, see the YAML package's <c>RuleLoadResult.Fingerprint</c>).
    /// </summary>
    /// <value>
    /// The fingerprint; null for rules compiled without one, e.g. rules built in C#. The engine does not compute one
    /// itself: a rule's conditions and actions are expressions that may call methods and capture variables, whose
    /// code and values the expressions do not show, so two different rule sets could look alike to it.
    /// </value>
    public string? Fingerprint { get; }

    internal ReteNetwork Network { get; }

    /// <summary>
    /// Creates a session: an empty working memory and agenda over this network. Dispose the session when done:
    /// its memories then serve the next session created here, so a host running one session per customer
    /// allocates little more than its own facts. A session never disposed is simply collected.
    /// </summary>
    /// <param name="options">Session settings; <see cref="SessionOptions.Default"/> when null.</param>
    /// <returns>The session.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The options are invalid (a non-positive loop limit, a negative retention limit); the message names every invalid setting.</exception>
    public ISession CreateSession(SessionOptions? options = null)
    {
        options ??= SessionOptions.Default;
        options.Validate(nameof(options));

        var state = _pool.Rent() ?? new Session(Network);
        var handle = new SessionHandle(state, _pool);
        state.Begin(options, handle);
        return handle;
    }

    /// <summary>
    /// A readable description of the network: the alpha trees (tests, hash dispatch groups, memories) and the
    /// beta network (joins with their index keys, not/exists/aggregate nodes with their sub-networks,
    /// terminals), with node ids so shared nodes can be recognised.
    /// </summary>
    /// <returns>The text.</returns>
    public string DumpNetwork() => NetworkDump.Write(Network);
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Engagement.Rules.Engine.Compilation;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Engine.Network;

namespace Engagement.Rules.Engine;

/// <summary>Compiles rule definitions into a shared Rete network.</summary>
public static class RuleCompiler
{
    /// <summary>
    /// The most levels one alternative of a rule's left-hand side may stack: each pattern and binding is a level, an
    /// aggregate two, and a not/exists/forall one plus what it contains. Propagation recurses once per level, so a
    /// rule of thousands of patterns (rule files are text anyone can write) would exhaust the thread's stack and end
    /// the host process; such a rule is refused with a <see cref="RuleCompilationException"/> instead. 64 levels run
    /// on a 256 KiB stack with room to spare, and are several times what a real rule needs.
    /// </summary>
    /// <value>64.</value>
    public static int MaxLevels => 64;

    /// <summary>
    /// The most alternatives a rule's <see cref="OrElement"/>s may expand into (nested ors multiply: seven ors of
    /// two alternatives make 128). Each alternative is a rule of its own in the network, so a few lines of rule text
    /// could otherwise build a network of any size; such a rule is refused with a
    /// <see cref="RuleCompilationException"/>.
    /// </summary>
    /// <value>64.</value>
    public static int MaxAlternatives => Normalizer.MaxAlternatives;

    /// <summary>
    /// How many alternatives the <see cref="OrElement"/>s of a left-hand side expand into, counted as <see cref="Compile(IEnumerable{RuleDefinition})"/>
    /// counts them against <see cref="MaxAlternatives"/>, without compiling: a front end (the YAML rule loader) can
    /// refuse such a rule where it is written, with the compiler's own count.
    /// </summary>
    /// <param name="leftHandSide">A rule's left-hand side.</param>
    /// <returns>
    /// The alternatives; <see cref="MaxAlternatives"/> + 1 once the expansion (of the whole, or of the content of a
    /// not or exists, which is expanded on its own) goes past the limit: counting stops there.
    /// </returns>
    public static int CountAlternatives(RuleElement leftHandSide)
    {
        ArgumentNullException.ThrowIfNull(leftHandSide);
        var errors = new List<string>();
        var alternatives = Normalizer.Normalize(leftHandSide, errors);
        return errors.Contains(Normalizer.TooManyAlternatives) ? MaxAlternatives + 1 : alternatives.Count;
    }

    /// <summary>
    /// The most levels one alternative of a left-hand side stacks, counted as <see cref="Compile(IEnumerable{RuleDefinition})"/>
    /// counts them against <see cref="MaxLevels"/>, without compiling (see <see cref="CountAlternatives"/>).
    /// </summary>
    /// <param name="leftHandSide">A rule's left-hand side.</param>
    /// <returns>The levels of its deepest alternative; counting stops once past <see cref="MaxLevels"/>.</returns>
    public static int CountLevels(RuleElement leftHandSide)
    {
        ArgumentNullException.ThrowIfNull(leftHandSide);
        var deepest = 0;
        foreach (var alternative in Normalizer.Normalize(leftHandSide, new List<string>()))
        {
            deepest = Math.Max(deepest, RuleValidator.Depth(alternative));
        }

        return deepest;
    }

    /// <summary>Compiles rules into a network.</summary>
    /// <param name="rules">The rules; ids must be unique.</param>
    /// <returns>The compiled rule set.</returns>
    /// <exception cref="RuleCompilationException">A rule is invalid; every problem found is listed.</exception>
    public static CompiledRuleSet Compile(IEnumerable<RuleDefinition> rules) => Compile(rules, JoinNode.DefaultIndexThreshold);

    /// <summary>Compiles rules into a network that carries the fingerprint of their sources (<see cref="CompiledRuleSet.Fingerprint"/>).</summary>
    /// <param name="rules">The rules; ids must be unique.</param>
    /// <param name="fingerprint">
    /// What identifies the rules' sources, e.g. the YAML loader's fingerprint, or a host's build id for rules built in
    /// C#: 1 to <see cref="MaxFingerprintLength"/> printable ASCII characters without spaces (U+0021 to U+007E), as it
    /// is written into results, logs and JSON as given; null for none.
    /// </param>
    /// <returns>The compiled rule set.</returns>
    /// <exception cref="ArgumentException"><paramref name="fingerprint"/> is empty, too long, or holds another character.</exception>
    /// <exception cref="RuleCompilationException">A rule is invalid; every problem found is listed.</exception>
    public static CompiledRuleSet Compile(IEnumerable<RuleDefinition> rules, string? fingerprint) => Compile(rules, JoinNode.DefaultIndexThreshold, fingerprint);

    /// <summary>The most characters a <see cref="CompiledRuleSet.Fingerprint"/> may have.</summary>
    /// <value>128.</value>
    public static int MaxFingerprintLength => 128;

    /// <summary>
    /// Compiles with another size past which join memories are hash-indexed: the property tests use a tiny one so
    /// that the indexed paths meet their generated fact streams too.
    /// </summary>
    internal static CompiledRuleSet Compile(IEnumerable<RuleDefinition> rules, int indexThreshold, string? fingerprint = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        CheckFingerprint(fingerprint);
        var list = new List<RuleDefinition>();
        foreach (var rule in rules)
        {
            list.Add(rule ?? throw new ArgumentException("The rules contain null.", nameof(rules)));
        }

        var errors = new List<RuleCompilationError>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var builder = new NetworkBuilder();
        for (var order = 0; order < list.Count; order++)
        {
            var rule = list[order];
            var messages = new List<string>();
            if (!ids.Add(rule.Id))
            {
                messages.Add("the rule id is used by another rule.");
            }

            RuleValidator.CheckNames(rule, messages);
            var alternatives = Normalizer.Normalize(rule.LeftHandSide, messages);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var checks = new List<string>();
            foreach (var alternative in alternatives)
            {
                RuleValidator.CheckDepth(alternative, checks);
                RuleValidator.CheckAlternative(rule, alternative, checks);
            }

            foreach (var message in messages)
            {
                if (seen.Add(message))
                {
                    errors.Add(new RuleCompilationError(rule.Id, message));
                }
            }

            foreach (var message in checks)
            {
                if (seen.Add(message))
                {
                    errors.Add(new RuleCompilationError(rule.Id, message));
                }
            }

            if (messages.Count > 0 || checks.Count > 0)
            {
                continue;
            }

            try
            {
                builder.AddRule(rule, order, alternatives);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NotSupportedException)
            {
                errors.Add(new RuleCompilationError(rule.Id, $"cannot be compiled: {ex.Message}"));
            }
        }

        // Delegates queued by the builder compile together (in parallel); a failure goes to the rule that owns the
        // delegate, listed with that rule's other errors (errors stay in rule order).
        var pending = builder.CompilePending();
        if (pending.Count > 0)
        {
            var orders = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var order = 0; order < list.Count; order++)
            {
                orders.TryAdd(list[order].Id, order);
            }

            foreach (var (ruleId, error) in pending)
            {
                var compileError = new RuleCompilationError(ruleId, $"cannot be compiled: {error.Message}");
                if (!errors.Contains(compileError))
                {
                    errors.Add(compileError);
                }
            }

            errors = errors.OrderBy(e => orders[e.RuleId]).ToList();
        }

        if (errors.Count > 0)
        {
            throw new RuleCompilationException(errors);
        }

        var network = builder.Build();
        foreach (var node in network.Nodes)
        {
            if (node is JoinNode join)
            {
                join.IndexThreshold = indexThreshold;
            }
        }

        return new CompiledRuleSet(list.AsReadOnly(), network, fingerprint);
    }

    // Printable and bounded: it is copied into every result, log line and JSON line of the evaluations it serves.
    private static void CheckFingerprint(string? fingerprint)
    {
        if (fingerprint is null)
        {
            return;
        }

        if (fingerprint.Length is 0 || fingerprint.Length > MaxFingerprintLength)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The fingerprint has {fingerprint.Length} characters; give 1 to {MaxFingerprintLength}, or null for none."), nameof(fingerprint));
        }

        for (var i = 0; i < fingerprint.Length; i++)
        {
            if (fingerprint[i] is < '!' or > '~')
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The fingerprint holds U+{(int)fingerprint[i]:X4} at index {i}; a fingerprint is printable ASCII without spaces (U+0021 to U+007E)."), nameof(fingerprint));
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using System.Threading.Tasks;

namespace Engagement.Rules.Engine.Compilation;

/// <summary>
/// Compiles the network's expression trees, the dominant cost of a rule compile (each
/// <see cref="LambdaExpression.Compile()"/> emits and finalises a dynamic method). Two savings:
/// <list type="bullet">
/// <item>Each distinct delegate is compiled once per rule set: callers key a wrapper by its canonical text
/// (<see cref="ExpressionCanonicalizer"/>, plus whatever else shapes the wrapper), and equal keys mean
/// behaviourally identical delegates, e.g. the same join key in the sub-networks of two aggregates.</item>
/// <item>Delegates stored in array slots the network reads only at run time (join tests, aggregate result tests,
/// actions) are queued and compiled together by <see cref="CompilePending"/>, on all cores. The wrappers are built
/// when queued, so malformed trees still fail inside the rule that owns them.</item>
/// </list>
/// </summary>
internal sealed class DelegateCompiler
{
    private readonly Dictionary<string, Delegate> _compiled = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingDelegate> _pendingByKey = new(StringComparer.Ordinal);
    private readonly List<PendingDelegate> _pending = new();
    private readonly ExpressionCanonicalizer _shapes = new(blocks: true);
    private readonly Dictionary<string, Family> _familiesByKey = new(StringComparer.Ordinal);
    private readonly List<Family> _families = new();

    /// <summary>
    /// From how many distinct literal variants on a hot delegate's shape the literals are lifted too (see
    /// <see cref="CompileHotLater"/>): a pack with many rules that differ only in a threshold then compiles one
    /// delegate, not one per threshold.
    /// </summary>
    public const int FamilySize = 8;

    /// <summary>The number of wrappers compiled so far (for tests and profiling).</summary>
    public int CompiledCount { get; private set; }

    /// <summary>The delegate for <paramref name="key"/>, compiling <paramref name="wrap"/>'s lambda on first use.</summary>
    public TDelegate Compile<TDelegate>(string key, Func<Expression<TDelegate>> wrap)
        where TDelegate : Delegate
    {
        if (!_compiled.TryGetValue(key, out var compiled))
        {
            compiled = wrap().Compile();
            CompiledCount++;
            _compiled.Add(key, compiled);
        }

        return (TDelegate)compiled;
    }

    /// <summary>As <see cref="Compile{TDelegate}"/> for a wrapper whose delegate type is only known at run time.</summary>
    public Delegate Compile(string key, Func<LambdaExpression> wrap)
    {
        if (!_compiled.TryGetValue(key, out var compiled))
        {
            compiled = wrap().Compile();
            CompiledCount++;
            _compiled.Add(key, compiled);
        }

        return compiled;
    }

    /// <summary>
    /// Queues a delegate for <see cref="CompilePending"/>, which hands it to <paramref name="assign"/>.
    /// <paramref name="wrap"/> runs now, and only when the key is new.
    /// </summary>
    public void CompileLater<TDelegate>(string key, string ruleId, Func<Expression<TDelegate>> wrap, Action<TDelegate> assign)
        where TDelegate : Delegate
    {
        if (_compiled.TryGetValue(key, out var compiled))
        {
            assign((TDelegate)compiled);
            return;
        }

        if (!_pendingByKey.TryGetValue(key, out var pending))
        {
            pending = new PendingDelegate(key, wrap());
            _pendingByKey.Add(key, pending);
            _pending.Add(pending);
        }

        pending.Requests.Add((ruleId, compiled => assign((TDelegate)compiled)));
    }

    /// <summary>
    /// Queues <paramref name="wrapper"/> by its shape: its constants become reads from an array
    /// (<see cref="ConstantLifter"/>), the shape compiles once into a factory <c>values =&gt; (...) =&gt; body</c>, and
    /// each tree of that shape gets the factory's delegate over its own constants. The delegate a factory makes is
    /// a closure over the array, called directly (no extra call per use); reading a constant from the array costs a
    /// few loads where an inlined literal costs none (measured: about 1.4 ns per literal), so this is for delegates
    /// that run once per firing (actions); see <see cref="CompileHotLater"/> for those that run per fact.
    /// </summary>
    public void CompileShapeLater<TDelegate>(Expression<TDelegate> wrapper, string ruleId, Action<TDelegate> assign)
        where TDelegate : Delegate
    {
        var (key, factory, values) = Shape(wrapper, liftLiterals: true);
        QueueShape(key, ruleId, factory, values, wrapper, assign);
    }

    /// <summary>
    /// Queues a shape's factory; a shape only one tree has is compiled from that tree itself in
    /// <see cref="CompilePending"/> (no factory to JIT, constants inlined as before).
    /// </summary>
    private void QueueShape<TDelegate>(string key, string ruleId, LambdaExpression factory, object[] values, Expression<TDelegate> wrapper, Action<TDelegate> assign)
        where TDelegate : Delegate
    {
        if (_compiled.TryGetValue(key, out var compiled))
        {
            assign(((Func<object[], TDelegate>)compiled)(values));
            return;
        }

        if (!_pendingByKey.TryGetValue(key, out var pending))
        {
            pending = new PendingDelegate(key, factory) { Direct = wrapper, AssignDirect = direct => assign((TDelegate)direct) };
            _pendingByKey.Add(key, pending);
            _pending.Add(pending);
        }

        pending.Requests.Add((ruleId, make => assign(((Func<object[], TDelegate>)make)(values))));
    }

    /// <summary>
    /// Queues a delegate that runs per fact (a join or result test). Non-literal constants are lifted as in
    /// <see cref="CompileShapeLater"/> (compiled code reads those from its closure anyway, so that costs nothing);
    /// literals stay inlined, unless <see cref="FamilySize"/> or more variants of the tree differ only in their
    /// literals: then the family compiles once with its literals lifted, trading about 1.4 ns per literal read for
    /// one compile (about 0.5 ms of JIT) per variant. The choice is made in <see cref="CompilePending"/>, from the
    /// whole rule set, so it is deterministic.
    /// </summary>
    public void CompileHotLater<TDelegate>(Expression<TDelegate> wrapper, string ruleId, Action<TDelegate> assign)
        where TDelegate : Delegate
    {
        var (familyKey, familyFactory, familyValues) = Shape(wrapper, liftLiterals: true);
        if (!_familiesByKey.TryGetValue(familyKey, out var family))
        {
            family = new Family(familyKey, familyFactory);
            _familiesByKey.Add(familyKey, family);
            _families.Add(family);
        }

        var (key, factory, values) = Shape(wrapper, liftLiterals: false);
        family.Variants.Add(key);
        family.Members.Add((
            ruleId,
            () => QueueShape(key, ruleId, factory, values, wrapper, assign),
            make => assign(((Func<object[], TDelegate>)make)(familyValues))));
    }

    private (string Key, LambdaExpression Factory, object[] Values) Shape<TDelegate>(Expression<TDelegate> wrapper, bool liftLiterals)
        where TDelegate : Delegate
    {
        var values = Expression.Parameter(typeof(object[]), "values");
        var (shape, lifted) = ConstantLifter.Lift(wrapper.Body, values, liftLiterals);
        var factory = Expression.Lambda<Func<object[], TDelegate>>(Expression.Lambda<TDelegate>(shape, wrapper.Parameters), values);
        var key = "shape|" + typeof(TDelegate).FullName + "|" + _shapes.Write(factory.Body, new Dictionary<ParameterExpression, string> { [values] = "$values" });
        return (key, factory, lifted);
    }

    /// <summary>Queues the members of each family, as one lifted compile or as their own variants.</summary>
    private void QueueFamilies()
    {
        foreach (var family in _families)
        {
            if (family.Variants.Count >= FamilySize)
            {
                if (!_pendingByKey.TryGetValue(family.Key, out var pending))
                {
                    pending = new PendingDelegate(family.Key, family.Factory);
                    _pendingByKey.Add(family.Key, pending);
                    _pending.Add(pending);
                }

                foreach (var (ruleId, _, bind) in family.Members)
                {
                    pending.Requests.Add((ruleId, bind));
                }
            }
            else
            {
                foreach (var (_, queue, _) in family.Members)
                {
                    queue();
                }
            }
        }

        _families.Clear();
        _familiesByKey.Clear();
    }

    /// <summary>
    /// Compiles the queued delegates in parallel and assigns them in queue order (the result does not depend on
    /// the thread schedule). Returns the rules whose delegates failed to compile, in queue order.
    /// </summary>
    public IReadOnlyList<(string RuleId, Exception Error)> CompilePending()
    {
        QueueFamilies();
        var jobs = _pending.ToArray();
        _pending.Clear();
        _pendingByKey.Clear();
        var results = new Delegate?[jobs.Length];
        var failures = new Exception?[jobs.Length];
        Parallel.For(0, jobs.Length, i =>
        {
            try
            {
                results[i] = jobs[i].IsDirect ? jobs[i].Direct!.Compile() : jobs[i].Lambda.Compile();
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NotSupportedException)
            {
                failures[i] = ex;
            }
        });

        var errors = new List<(string RuleId, Exception Error)>();
        for (var i = 0; i < jobs.Length; i++)
        {
            if (failures[i] is { } failure)
            {
                foreach (var (ruleId, _) in jobs[i].Requests)
                {
                    errors.Add((ruleId, failure));
                }

                continue;
            }

            var compiled = results[i]!;
            CompiledCount++;
            if (jobs[i].IsDirect)
            {
                jobs[i].AssignDirect!(compiled);
                continue;
            }

            _compiled.TryAdd(jobs[i].Key, compiled);
            foreach (var (_, assign) in jobs[i].Requests)
            {
                assign(compiled);
            }
        }

        return errors;
    }

    /// <summary>Hot delegates of one shape up to their literals.</summary>
    private sealed class Family
    {
        public Family(string key, LambdaExpression factory)
        {
            Key = key;
            Factory = factory;
        }

        public string Key { get; }

        /// <summary>The shape with the literals lifted too.</summary>
        public LambdaExpression Factory { get; }

        /// <summary>The distinct keys of the members with their literals inlined.</summary>
        public HashSet<string> Variants { get; } = new(StringComparer.Ordinal);

        /// <summary>Per member: its rule, how to queue it on its own, how to bind it to the lifted factory.</summary>
        public List<(string RuleId, Action Queue, Action<Delegate> Bind)> Members { get; } = new();
    }

    private sealed class PendingDelegate
    {
        public PendingDelegate(string key, LambdaExpression lambda)
        {
            Key = key;
            Lambda = lambda;
        }

        public string Key { get; }

        public LambdaExpression Lambda { get; }

        public List<(string RuleId, Action<Delegate> Assign)> Requests { get; } = new();

        /// <summary>For a shape: the first tree itself, compiled instead of the factory when no other tree shares the shape.</summary>
        public LambdaExpression? Direct { get; init; }

        public Action<Delegate>? AssignDirect { get; init; }

        public bool IsDirect => Direct is not null && Requests.Count == 1;
    }
}

using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using System.Text;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Engine.Network;

namespace Engagement.Rules.Engine.Compilation;

/// <summary>
/// Builds the Rete network from normalised rules. Identical alpha tests (same fact type, structurally equal
/// expression) and identical beta nodes (same parent, same memory, same tests over the same declaration
/// levels) are shared between rules.
/// </summary>
internal sealed class NetworkBuilder
{
    private readonly List<BetaNode> _nodes = new() { new RootNode() };
    private readonly Dictionary<Type, AlphaNode> _typeRoots = new();
    private readonly List<AlphaNode> _typeRootList = new();
    private readonly List<AlphaMemoryNode> _alphaMemories = new();
    private readonly List<TerminalNode> _terminals = new();
    private readonly Dictionary<string, BetaNode> _shared = new(StringComparer.Ordinal);
    private readonly ExpressionCanonicalizer _canonicalizer = new();
    private readonly DelegateCompiler _delegates = new();
    private int _alphaNodeCount;

    /// <summary>The number of expression trees compiled so far (each distinct delegate once).</summary>
    public int CompiledDelegateCount => _delegates.CompiledCount;

    public void AddRule(RuleDefinition rule, int ruleOrder, IReadOnlyList<List<NormalElement>> alternatives)
    {
        for (var a = 0; a < alternatives.Count; a++)
        {
            var levels = new Dictionary<Declaration, int>(ReferenceEqualityComparer.Instance);
            var (_, last) = BuildConjunction(rule, alternatives[a], _nodes[0], levels, scope: string.Empty, subNetwork: false);
            var actions = new Action<IActionContext, Runtime.Token>[rule.Actions.Count];
            for (var i = 0; i < actions.Length; i++)
            {
                // Actions of one shape (most rules of a kind differ only in their constants) share one compile.
                var slot = i;
                _delegates.CompileShapeLater(DelegateFactory.WrapAction(rule.Actions[i], last.Level, levels), rule.Id, compiled => actions[slot] = compiled);
            }

            var terminal = new TerminalNode(_nodes.Count, last, rule, ruleOrder, alternatives.Count > 1 ? a : 0, levels, actions);
            terminal.RuleIds.Add(rule.Id);
            _nodes.Add(terminal);
            last.ChildList.Add(terminal);
            _terminals.Add(terminal);
        }
    }

    /// <summary>
    /// Compiles the delegates queued while the rules were added (see <see cref="DelegateCompiler"/>); returns the
    /// rules whose delegates failed to compile. Call before <see cref="Build"/>.
    /// </summary>
    public IReadOnlyList<(string RuleId, Exception Error)> CompilePending() => _delegates.CompilePending();

    public ReteNetwork Build()
    {
        AssignRanks();
        foreach (var node in _nodes)
        {
            node.Freeze();
        }

        foreach (var root in _typeRootList)
        {
            root.Freeze();
            root.Route = AlphaRouteCompiler.TryCompile(root);
        }

        foreach (var memory in _alphaMemories)
        {
            memory.Freeze();
        }

        return new ReteNetwork(_nodes.ToArray(), _typeRootList.ToArray(), _alphaMemories.ToArray(), _terminals.ToArray());
    }

    /// <summary>Numbers the nodes in topological order of the data flow (reverse post-order of a depth-first walk).</summary>
    private void AssignRanks()
    {
        var visited = new bool[_nodes.Count];
        var postOrder = new List<BetaNode>(_nodes.Count);
        Visit(_nodes[0], visited, postOrder);
        for (var i = 0; i < postOrder.Count; i++)
        {
            postOrder[i].Rank = postOrder.Count - 1 - i;
        }
    }

    private static void Visit(BetaNode node, bool[] visited, List<BetaNode> postOrder)
    {
        if (visited[node.Id])
        {
            return;
        }

        visited[node.Id] = true;
        foreach (var child in node.ChildList)
        {
            if (child is ConditionalNode { Owner: { } owner })
            {
                // The sub-network hangs off the same parent and flows into the conditional node.
                Visit(owner, visited, postOrder);
            }

            Visit(child, visited, postOrder);
        }

        if (node.Partner is not null)
        {
            Visit(node.Partner, visited, postOrder);
        }

        postOrder.Add(node);
    }

    /// <summary>
    /// Builds the nodes of one conjunction below <paramref name="parent"/>; returns its first and last node.
    /// <paramref name="scope"/> prefixes the share key of the first node (a pass-through not/exists's sub-network
    /// hangs below the same parent as the rule's own nodes, but is never shared with them);
    /// <paramref name="subNetwork"/> says that the last node feeds a not/exists/aggregate.
    /// </summary>
    private (BetaNode First, BetaNode Last) BuildConjunction(
        RuleDefinition rule,
        IReadOnlyList<NormalElement> elements,
        BetaNode parent,
        Dictionary<Declaration, int> levels,
        string scope,
        bool subNetwork)
    {
        var current = parent;
        BetaNode? first = null;
        for (var i = 0; i < elements.Count; i++)
        {
            var next = i + 1 < elements.Count ? elements[i + 1] : null;
            current = elements[i] switch
            {
                NormalPattern pattern => BuildPattern(rule, pattern.Pattern, current, levels, scope),
                NormalBinding binding => BuildBinding(rule, binding.Binding, current, levels, scope),
                NormalConditional conditional => BuildConditional(rule, conditional, current, levels, scope, CanPassThrough(current, next, subNetwork)),
                NormalAggregate aggregate => BuildAggregate(rule, aggregate.Aggregate, current, levels, scope),
                _ => throw new InvalidOperationException("Unknown element."),
            };
            // An aggregate's build returns its output node: the node below the parent is the aggregate itself.
            first ??= current is AggregateOutputNode output ? output.Parent! : current;
            scope = string.Empty;
        }

        return (first ?? parent, current);
    }

    /// <summary>
    /// Whether a not/exists below <paramref name="parent"/> passes its left token through (see
    /// <see cref="ConditionalNode.PassesThrough"/>) rather than making an owner token per left token: when the
    /// parent makes a new token per match (a join, a binding or an aggregate's output: the root's token has no child
    /// list, an owner's children are its sub-network's, and a not/exists's tokens are its parent's), no pattern follows
    /// (a join below would need the node's own memory of the tokens it passes, and a token is in one memory) and it
    /// does not end a sub-network (a result must be a token of its own).
    /// </summary>
    private static bool CanPassThrough(BetaNode parent, NormalElement? next, bool subNetwork) =>
        parent is JoinNode or BindingNode or AggregateOutputNode
        && next is not NormalPattern
        && !(next is null && subNetwork);

    private BetaNode BuildPattern(RuleDefinition rule, PatternElement pattern, BetaNode parent, Dictionary<Declaration, int> levels, string scope)
    {
        var level = parent.Level + 1;
        var own = pattern.Declaration;
        var alpha = new List<Conjunct>();
        var joins = new List<Conjunct>();
        Conjunct.Split(pattern.Conditions, own, alpha, joins);
        var memory = AlphaMemoryFor(rule, pattern.FactType, alpha);

        // Share key first, delegates only for a new node: most rules reuse their first joins.
        var leftLevel = level - 1;
        (Conjunct Conjunct, LambdaExpression Left, LambdaExpression Right, IReadOnlyList<Declaration> LeftDeclarations, string LeftCanonical, string RightCanonical)? key = null;
        var keyText = string.Empty;
        var tests = new List<(Conjunct Conjunct, string Canonical)>();
        var testText = new StringBuilder();
        foreach (var conjunct in joins)
        {
            if (key is null && conjunct.FirstInCondition
                && EqualityAnalysis.TryJoin(conjunct, own, out var right, out var left, out var leftDeclarations))
            {
                var rightCanonical = _canonicalizer.Write(right.Body, Names(right.Parameters, [own], own, levels));
                var leftCanonical = _canonicalizer.Write(left.Body, Names(left.Parameters, leftDeclarations, own, levels));
                key = (conjunct, left, right, leftDeclarations, leftCanonical, rightCanonical);
                keyText = $"{leftCanonical}=={rightCanonical}";
                continue;
            }

            var canonical = _canonicalizer.Write(conjunct.Lambda.Body, Names(conjunct.Lambda.Parameters, conjunct.Parameters, own, levels));
            tests.Add((conjunct, canonical));
            testText.Append(canonical).Append(';');
        }

        var shareKey = $"{scope}{parent.Id}|join|{memory.Id}|{keyText}|{testText}";
        var node = GetOrCreate(rule, shareKey, id =>
        {
            JoinKey? joinKey = null;
            if (key is var (conjunct, left, right, leftDeclarations, leftCanonical, rightCanonical))
            {
                var equalityCanonical = _canonicalizer.Write(conjunct.Lambda.Body, Names(conjunct.Lambda.Parameters, conjunct.Parameters, own, levels));
                joinKey = JoinKey.Create(
                    right.ReturnType,
                    type => _delegates.Compile($"key|{type.FullName}|{leftLevel}|{leftCanonical}", () => DelegateFactory.WrapKey(type, left, leftDeclarations, leftLevel, levels)),
                    type => _delegates.Compile($"fact-key|{type.FullName}|{rightCanonical}", () => DelegateFactory.WrapSingleKey(type, right)),
                    CompileTest<bool>(conjunct.Lambda, conjunct.Parameters, own, leftLevel, levels, equalityCanonical),
                    left.ToString(),
                    right.ToString());
                joinKey.Condition = conjunct.Source;
            }

            var compiledTests = new CompiledTest[tests.Count];
            for (var i = 0; i < tests.Count; i++)
            {
                var (test, canonical) = tests[i];
                var slot = i;
                CompileTestLater(rule, test.Lambda, test.Parameters, own, leftLevel, levels, canonical, evaluate =>
                    compiledTests[slot] = new CompiledTest(evaluate, test.Lambda.ToString(), rule.Id, test.Source));
            }

            var join = new JoinNode(id, parent, level, memory, joinKey, compiledTests);
            memory.SuccessorList.Add(join);
            return join;
        });
        levels[own] = level;
        return node;
    }

    private BetaNode BuildBinding(RuleDefinition rule, BindingElement binding, BetaNode parent, Dictionary<Declaration, int> levels, string scope)
    {
        var level = parent.Level + 1;
        var lambda = binding.Value.Expression;
        var canonical = _canonicalizer.Write(lambda.Body, Names(lambda.Parameters, binding.Value.Parameters, null, levels));
        var node = GetOrCreate(rule, $"{scope}{parent.Id}|let|{canonical}", id => new BindingNode(
            id,
            parent,
            level,
            CompileTest<object?>(lambda, binding.Value.Parameters, null, level - 1, levels, canonical),
            $"{binding.Declaration.Name} = {lambda}",
            binding.Declaration.Name,
            binding.Value.Text));
        levels[binding.Declaration] = level;
        return node;
    }

    private BetaNode BuildConditional(RuleDefinition rule, NormalConditional conditional, BetaNode parent, Dictionary<Declaration, int> levels, string scope, bool passThrough)
    {
        // A pass-through node adds no level: its sub-network and its children work on its parent's tokens.
        var level = passThrough ? parent.Level : parent.Level + 1;
        var kind = conditional.Exists ? ConditionalKind.Exists : ConditionalKind.Not;
        var description = DescribeConjunction(conditional.Source, level, new Dictionary<Declaration, int>(levels, ReferenceEqualityComparer.Instance));
        return GetOrCreate(rule, $"{scope}{parent.Id}|{kind}{(passThrough ? "|pass" : string.Empty)}|{description}", id =>
        {
            var sourceLevels = new Dictionary<Declaration, int>(levels, ReferenceEqualityComparer.Instance);
            if (passThrough)
            {
                var passing = new ConditionalNode(id, parent, level, kind, owner: null, Summary(conditional.Source));
                var (first, end) = BuildConjunction(rule, conditional.Source, parent, sourceLevels, scope: $"{id}>", subNetwork: true);
                first.SourceOf = passing;
                end.Partner = passing;
                return passing;
            }

            var owner = new OwnerNode(id + 1, parent, level);
            var node = new ConditionalNode(id, parent, level, kind, owner, Summary(conditional.Source));
            _nodes.Add(owner);
            owner.RuleIds.Add(rule.Id);
            var (_, last) = BuildConjunction(rule, conditional.Source, owner, sourceLevels, scope: string.Empty, subNetwork: true);
            last.Partner = node;
            return node;
        });
    }

    private BetaNode BuildAggregate(RuleDefinition rule, AggregateElement aggregate, BetaNode parent, Dictionary<Declaration, int> levels, string scope)
    {
        var level = parent.Level + 1;
        var source = new List<NormalElement> { new NormalPattern(aggregate.Source) };
        var text = new StringBuilder();
        text.Append(aggregate.Kind).Append('|').Append(DescribeConjunction(source, level, new Dictionary<Declaration, int>(levels, ReferenceEqualityComparer.Instance)));
        var selectorCanonical = string.Empty;
        if (aggregate.Selector is { } selector)
        {
            selectorCanonical = _canonicalizer.Write(selector.Expression.Body, Names(selector.Expression.Parameters, selector.Parameters, aggregate.Source.Declaration, levels));
            text.Append("|sel:").Append(selectorCanonical);
        }

        // The aggregate itself is shared by every rule that aggregates the same facts the same way below the same
        // parent, whatever it then requires of the value: those conditions go to an output node of their own.
        var node = (ConditionalNode)GetOrCreate(rule, $"{scope}{parent.Id}|aggregate|{text}", id =>
        {
            var owner = new OwnerNode(id + 1, parent, level);
            var summary = $"{aggregate.Kind} of {Summary(source)}" + (aggregate.Selector is null ? string.Empty : $" by {aggregate.Selector.Expression}");
            var conditional = new ConditionalNode(id, parent, level, ConditionalKind.Aggregate, owner, summary)
            {
                Aggregate = new AggregateSpec(
                    aggregate.Kind,
                    aggregate.Source.FactType,
                    aggregate.Selector?.Expression.ReturnType,
                    aggregate.Kind == AggregateKind.GroupBy ? CompileSingle<object?>(aggregate.Selector!.Expression, selectorCanonical) : null,
                    aggregate.Selector is null || aggregate.Kind == AggregateKind.GroupBy ? null : CompileCalculator(aggregate.Selector.Expression, selectorCanonical),
                    aggregate.Result.Name,
                    aggregate.Selector?.Text),
            };
            _nodes.Add(owner);
            owner.RuleIds.Add(rule.Id);
            var (_, last) = BuildConjunction(rule, source, owner, new Dictionary<Declaration, int>(levels, ReferenceEqualityComparer.Instance), scope: string.Empty, subNetwork: true);
            last.Partner = conditional;
            return conditional;
        });

        var resultLevels = new Dictionary<Declaration, int>(levels, ReferenceEqualityComparer.Instance);
        var resultCanonicals = new List<string>();
        var whereKey = new StringBuilder();
        foreach (var condition in aggregate.ResultConditions)
        {
            var canonical = _canonicalizer.Write(condition.Expression.Body, Names(condition.Expression.Parameters, condition.Parameters, aggregate.Result, levels));
            resultCanonicals.Add(canonical);
            whereKey.Append("|where:").Append(canonical);
        }

        var output = GetOrCreate(rule, $"{node.Id}|output{whereKey}", id =>
        {
            var resultTests = new CompiledTest[aggregate.ResultConditions.Count];
            var where = new StringBuilder("value");
            for (var i = 0; i < resultTests.Length; i++)
            {
                var condition = aggregate.ResultConditions[i];
                var slot = i;
                where.Append(" where ").Append(condition.Expression);
                CompileTestLater(rule, condition.Expression, condition.Parameters, aggregate.Result, level - 1, resultLevels, resultCanonicals[i], evaluate =>
                    resultTests[slot] = new CompiledTest(evaluate, condition.Expression.ToString(), rule.Id, condition.Text));
            }

            return new AggregateOutputNode(id, node, resultTests, where.ToString());
        });
        levels[aggregate.Result] = level;
        return output;
    }

    private BetaNode GetOrCreate(RuleDefinition rule, string shareKey, Func<int, BetaNode> create)
    {
        if (!_shared.TryGetValue(shareKey, out var node))
        {
            var id = _nodes.Count;
            _nodes.Add(null!);
            node = create(id);
            _nodes[id] = node;
            node.Parent!.ChildList.Add(node);
            _shared.Add(shareKey, node);
        }

        if (!node.RuleIds.Contains(rule.Id))
        {
            node.RuleIds.Add(rule.Id);
        }

        return node;
    }

    private AlphaMemoryNode AlphaMemoryFor(RuleDefinition rule, Type factType, List<Conjunct> tests)
    {
        if (!_typeRoots.TryGetValue(factType, out var node))
        {
            node = new AlphaNode(_alphaNodeCount++, factType, null, null, factType.Name, rule.Id);
            _typeRoots.Add(factType, node);
            _typeRootList.Add(node);
        }

        foreach (var conjunct in tests)
        {
            var parameter = conjunct.Lambda.Parameters[0];
            var names = new Dictionary<ParameterExpression, string> { [parameter] = "$f:" + parameter.Type.FullName };
            var canonical = _canonicalizer.Write(conjunct.Lambda.Body, names);
            if (!node.ChildrenByKey.TryGetValue(canonical, out var child))
            {
                child = new AlphaNode(_alphaNodeCount++, factType, CompileSingle<bool>(conjunct.Lambda, canonical), conjunct.Lambda, conjunct.Lambda.ToString(), rule.Id) { Condition = conjunct.Source };
                node.ChildrenByKey.Add(canonical, child);
                var dispatched = false;
                if (EqualityAnalysis.TryConstant(conjunct, out var key, out var constant))
                {
                    var keyCanonical = _canonicalizer.Write(key.Body, names);
                    if (!node.GroupsByKey.TryGetValue(keyCanonical, out var group))
                    {
                        group = new DispatchGroup(CompileSingle<object?>(key, keyCanonical), key.ToString(), rule.Id, conjunct.Source);
                        node.GroupsByKey.Add(keyCanonical, group);
                    }

                    dispatched = group.Branches.TryAdd(constant ?? JoinKey.Null, child);
                }

                if (!dispatched)
                {
                    node.ChildList.Add(child);
                }
            }

            node = child;
        }

        if (node.Memory is null)
        {
            node.Memory = new AlphaMemoryNode(_alphaMemories.Count, node);
            _alphaMemories.Add(node.Memory);
        }

        return node.Memory;
    }

    /// <summary>A delegate over a token and a value; <paramref name="canonical"/> is the lambda body's canonical text under <see cref="Names"/>.</summary>
    private Func<Runtime.Token, object?, TResult> CompileTest<TResult>(
        LambdaExpression lambda,
        IReadOnlyList<Declaration> parameters,
        Declaration? own,
        int leftLevel,
        Dictionary<Declaration, int> levels,
        string canonical) =>
        _delegates.Compile($"test|{typeof(TResult).FullName}|{leftLevel}|{canonical}", () => DelegateFactory.Wrap<TResult>(lambda, parameters, own, leftLevel, levels));

    /// <summary>As <see cref="CompileTest{TResult}"/>, queued: for delegates read only once the network runs.</summary>
    private void CompileTestLater(
        RuleDefinition rule,
        LambdaExpression lambda,
        IReadOnlyList<Declaration> parameters,
        Declaration? own,
        int leftLevel,
        Dictionary<Declaration, int> levels,
        string canonical,
        Action<Func<Runtime.Token, object?, bool>> assign) =>
        _delegates.CompileHotLater(DelegateFactory.Wrap<bool>(lambda, parameters, own, leftLevel, levels), rule.Id, assign);

    /// <summary>A typed selector (no boxing per aggregated fact) and the sum/min/max over its values.</summary>
    private AggregateCalculator CompileCalculator(LambdaExpression selector, string canonical)
    {
        var type = selector.ReturnType;
        var compiled = _delegates.Compile($"value|{type.FullName}|{canonical}", () => DelegateFactory.WrapSingleTyped(type, selector));
        return AggregateCalculator.Create(type, compiled);
    }

    /// <summary>A delegate over the fact alone; <paramref name="canonical"/> names its parameter $f.</summary>
    private Func<object, TResult> CompileSingle<TResult>(LambdaExpression lambda, string canonical) =>
        _delegates.Compile($"fact|{typeof(TResult).FullName}|{canonical}", () => DelegateFactory.WrapSingle<TResult>(lambda));

    /// <summary>Names lambda parameters for canonical text: the own fact as $f, others by their level.</summary>
    private static Dictionary<ParameterExpression, string> Names(
        System.Collections.ObjectModel.ReadOnlyCollection<ParameterExpression> parameters,
        IReadOnlyList<Declaration> declarations,
        Declaration? own,
        Dictionary<Declaration, int> levels)
    {
        var names = new Dictionary<ParameterExpression, string>();
        for (var i = 0; i < parameters.Count; i++)
        {
            var declaration = declarations[i];
            names[parameters[i]] = (ReferenceEquals(declaration, own) ? "$f" : "$L" + levels.GetValueOrDefault(declaration, -1))
                + ":" + parameters[i].Type.FullName;
        }

        return names;
    }

    /// <summary>A canonical description of a sub-network, used to share identical not/exists/aggregate nodes.</summary>
    private string DescribeConjunction(IReadOnlyList<NormalElement> elements, int level, Dictionary<Declaration, int> levels)
    {
        var text = new StringBuilder("[");
        foreach (var element in elements)
        {
            level++;
            switch (element)
            {
                case NormalPattern { Pattern: var pattern }:
                    text.Append("P:").Append(pattern.FactType.FullName).Append('{');
                    foreach (var condition in pattern.Conditions)
                    {
                        text.Append(_canonicalizer.Write(condition.Expression.Body, Names(condition.Expression.Parameters, condition.Parameters, pattern.Declaration, levels))).Append(';');
                    }

                    text.Append('}');
                    levels[pattern.Declaration] = level;
                    break;
                case NormalBinding { Binding: var binding }:
                    text.Append("L:").Append(_canonicalizer.Write(binding.Value.Expression.Body, Names(binding.Value.Expression.Parameters, binding.Value.Parameters, null, levels)));
                    levels[binding.Declaration] = level;
                    break;
                case NormalConditional conditional:
                    text.Append(conditional.Exists ? "E" : "N")
                        .Append(DescribeConjunction(conditional.Source, level, new Dictionary<Declaration, int>(levels, ReferenceEqualityComparer.Instance)));
                    break;
                case NormalAggregate { Aggregate: var aggregate }:
                    // Aggregates nested in not/exists are rare: never share them.
                    text.Append("A#").Append(_nodes.Count).Append('/').Append(level);
                    levels[aggregate.Result] = level;
                    break;
            }

            text.Append(',');
        }

        return text.Append(']').ToString();
    }

    private static string Summary(IReadOnlyList<NormalElement> elements)
    {
        var parts = new List<string>();
        foreach (var element in elements)
        {
            parts.Add(element switch
            {
                NormalPattern p => $"{p.Pattern.Declaration.Name}: {p.Pattern.FactType.Name}",
                NormalBinding b => $"let {b.Binding.Declaration.Name}",
                NormalConditional c => (c.Exists ? "exists(" : "not(") + Summary(c.Source) + ")",
                NormalAggregate g => $"{g.Aggregate.Kind} {g.Aggregate.Result.Name}",
                _ => "?",
            });
        }

        return string.Join(", ", parts);
    }
}

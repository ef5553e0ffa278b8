using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine;

/// <summary>
/// Writes rules in C# on top of the rule model. Declarations are named; every lambda refers to them by its
/// <b>parameter names</b>: in <c>Match&lt;Vehicle&gt;("v", (Vehicle v, Customer c) =&gt; v.OwnerId == c.Id)</c>
/// the parameter <c>v</c> is the pattern's own fact and <c>c</c> the fact declared earlier as <c>"c"</c>.
/// An action's first parameter is the <see cref="IActionContext"/>; the others name declarations the same way.
/// </summary>
/// <example>
/// <code>
/// var rule = new RuleBuilder("vip-birthday").Priority(10)
///     .Match&lt;Customer&gt;("c", c =&gt; c.Tier == "gold")
///     .Match&lt;Vehicle&gt;("v", (Vehicle v, Customer c) =&gt; v.OwnerId == c.Id)
///     .Not(b =&gt; b.Match&lt;Touch&gt;("t", (Touch t, Customer c) =&gt; t.CustomerId == c.Id))
///     .Action((IActionContext ctx, Customer c) =&gt; ctx.Insert(new Greeting(c.Id)))
///     .Build();
/// </code>
/// </example>
/// <remarks>
/// Mistakes are found as they are written: a method given a declaration name already in scope, a lambda parameter
/// that names no declaration (or has the wrong type), or an element of the wrong shape throws an
/// <see cref="ArgumentException"/> whose message names the rule. A builder is not thread-safe; the
/// <see cref="Model.RuleDefinition"/> it builds is immutable.
/// </remarks>
public sealed class RuleBuilder
{
    private readonly string _id;
    private readonly List<ActionElement> _actions = new();
    private readonly List<string> _tags = new();
    private readonly Dictionary<string, object?> _properties = new(StringComparer.Ordinal);
    private List<RuleElement> _elements = new();
    private Dictionary<string, Declaration> _scope = new(StringComparer.Ordinal);
    private Dictionary<string, Declaration>? _orPool;
    private int _priority;
    private string? _description;
    private RuleRepeatability _repeatability;

    /// <summary>Starts a rule.</summary>
    /// <param name="id">The unique rule id.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or white space.</exception>
    public RuleBuilder(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        _id = id;
    }

    /// <summary>Sets the priority (higher fires first).</summary>
    /// <param name="priority">The priority.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Priority(int priority)
    {
        _priority = priority;
        return this;
    }

    /// <summary>Sets the description.</summary>
    /// <param name="description">The description.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Description(string description)
    {
        _description = description;
        return this;
    }

    /// <summary>Adds tags.</summary>
    /// <param name="tags">The tags.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Tags(params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        _tags.AddRange(tags);
        return this;
    }

    /// <summary>Sets a property.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Property(string name, object? value)
    {
        _properties[name] = value;
        return this;
    }

    /// <summary>Makes the rule fire at most once per match, whatever updates its facts see.</summary>
    /// <returns>This builder.</returns>
    public RuleBuilder NonRepeatable()
    {
        _repeatability = RuleRepeatability.NonRepeatable;
        return this;
    }

    /// <summary>Matches facts of type <typeparamref name="T"/> satisfying single-fact conditions.</summary>
    /// <typeparam name="T">The fact type.</typeparam>
    /// <param name="name">The declaration name.</param>
    /// <param name="conditions">Conditions over the fact.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Match<T>(string name, params Expression<Func<T, bool>>[] conditions) =>
        Match<T>(name, (LambdaExpression[])conditions);

    /// <summary>Matches facts of type <typeparamref name="T"/>; conditions may join earlier declarations by parameter name.</summary>
    /// <typeparam name="T">The fact type.</typeparam>
    /// <param name="name">The declaration name.</param>
    /// <param name="conditions">Conditions whose parameters name this and earlier declarations.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Match<T>(string name, params LambdaExpression[] conditions)
    {
        _elements.Add(Pattern(typeof(T), name, conditions));
        return this;
    }

    /// <summary>Holds when no fact of type <typeparamref name="T"/> satisfies the conditions.</summary>
    /// <typeparam name="T">The fact type.</typeparam>
    /// <param name="name">The declaration name (visible only inside).</param>
    /// <param name="conditions">Conditions whose parameters name this and earlier declarations.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Not<T>(string name, params LambdaExpression[] conditions) => Not(b => b.Match<T>(name, conditions));

    /// <summary>Holds when the elements added by <paramref name="source"/> have no match.</summary>
    /// <param name="source">Adds the elements (patterns, nested not/exists...).</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Not(Action<RuleBuilder> source)
    {
        _elements.Add(new NotElement(Nested(source)));
        return this;
    }

    /// <summary>Holds once when at least one fact of type <typeparamref name="T"/> satisfies the conditions.</summary>
    /// <typeparam name="T">The fact type.</typeparam>
    /// <param name="name">The declaration name (visible only inside).</param>
    /// <param name="conditions">Conditions whose parameters name this and earlier declarations.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Exists<T>(string name, params LambdaExpression[] conditions) => Exists(b => b.Match<T>(name, conditions));

    /// <summary>Holds once when the elements added by <paramref name="source"/> match at least once.</summary>
    /// <param name="source">Adds the elements.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Exists(Action<RuleBuilder> source)
    {
        _elements.Add(new ExistsElement(Nested(source)));
        return this;
    }

    /// <summary>Holds when every fact matched by the base pattern also matches the other patterns (true when there is none).</summary>
    /// <param name="basePattern">Adds exactly one pattern.</param>
    /// <param name="patterns">Adds the patterns every base fact must satisfy (they may refer to the base declaration).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="basePattern"/> does not add exactly one pattern, or <paramref name="patterns"/> adds something else than patterns.</exception>
    public RuleBuilder ForAll(Action<RuleBuilder> basePattern, Action<RuleBuilder> patterns)
    {
        ArgumentNullException.ThrowIfNull(basePattern);
        ArgumentNullException.ThrowIfNull(patterns);
        var outerScope = _scope;
        _scope = new Dictionary<string, Declaration>(_scope, StringComparer.Ordinal);
        try
        {
            var baseElements = Collect(basePattern);
            if (baseElements is not [PatternElement basePatternElement])
            {
                throw new ArgumentException($"Rule '{_id}': a forall base must be exactly one pattern.", nameof(basePattern));
            }

            var rest = Collect(patterns);
            var list = new List<PatternElement>();
            foreach (var element in rest)
            {
                list.Add(element as PatternElement
                    ?? throw new ArgumentException($"Rule '{_id}': forall patterns must be patterns.", nameof(patterns)));
            }

            _elements.Add(new ForAllElement(basePatternElement, list));
        }
        finally
        {
            _scope = outerScope;
        }

        return this;
    }

    /// <summary>At least one alternative must hold; the rule fires once per alternative that matches.</summary>
    /// <param name="alternatives">Each adds the elements of one alternative; a name declared in several alternatives is one declaration.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Or(params Action<RuleBuilder>[] alternatives)
    {
        ArgumentNullException.ThrowIfNull(alternatives);
        var outerScope = _scope;
        var outerPool = _orPool;
        _orPool = new Dictionary<string, Declaration>(StringComparer.Ordinal);
        var merged = new Dictionary<string, Declaration>(outerScope, StringComparer.Ordinal);
        var branches = new List<RuleElement>();
        try
        {
            foreach (var alternative in alternatives)
            {
                _scope = new Dictionary<string, Declaration>(outerScope, StringComparer.Ordinal);
                branches.Add(new AndElement(Collect(alternative)));
                foreach (var pair in _scope)
                {
                    merged[pair.Key] = pair.Value;
                }
            }
        }
        finally
        {
            _orPool = outerPool;
            _scope = outerScope;
        }

        _scope = merged;
        _elements.Add(new OrElement(branches));
        return this;
    }

    /// <summary>Binds a computed value; the lambda's parameters name earlier declarations.</summary>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="name">The declaration name.</param>
    /// <param name="value">The value expression.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Let<TValue>(string name, LambdaExpression value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parameters = Resolve(value, null, null, 0);
        _elements.Add(new BindingElement(Declare(name, typeof(TValue)), value, parameters));
        return this;
    }

    /// <summary>Collects the matching facts into an <see cref="IReadOnlyList{T}"/> (empty when none).</summary>
    /// <typeparam name="T">The source fact type.</typeparam>
    /// <param name="name">The declaration receiving the list.</param>
    /// <param name="sourceName">The name of the source fact in the conditions.</param>
    /// <param name="sourceConditions">Conditions on the source facts (may join earlier declarations).</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Collect<T>(string name, string sourceName, params LambdaExpression[] sourceConditions) =>
        Aggregate<T>(name, AggregateKind.Collect, sourceName, null, sourceConditions);

    /// <summary>Counts the matching facts (zero when none).</summary>
    /// <typeparam name="T">The source fact type.</typeparam>
    /// <param name="name">The declaration receiving the count.</param>
    /// <param name="sourceName">The name of the source fact in the conditions.</param>
    /// <param name="sourceConditions">Conditions on the source facts.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Count<T>(string name, string sourceName, params LambdaExpression[] sourceConditions) =>
        Aggregate<T>(name, AggregateKind.Count, sourceName, null, sourceConditions);

    /// <summary>Adds an aggregate of any kind.</summary>
    /// <typeparam name="T">The source fact type.</typeparam>
    /// <param name="name">The declaration receiving the result.</param>
    /// <param name="kind">The aggregation.</param>
    /// <param name="sourceName">The name of the source fact in the conditions and selector.</param>
    /// <param name="selector">The value or key over the source fact (sum, min, max, group-by).</param>
    /// <param name="sourceConditions">Conditions on the source facts.</param>
    /// <param name="resultConditions">Conditions on the result (its parameter named <paramref name="name"/>).</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Aggregate<T>(
        string name,
        AggregateKind kind,
        string sourceName,
        LambdaExpression? selector,
        IReadOnlyList<LambdaExpression>? sourceConditions = null,
        IReadOnlyList<LambdaExpression>? resultConditions = null)
    {
        var outerScope = _scope;
        _scope = new Dictionary<string, Declaration>(_scope, StringComparer.Ordinal);
        PatternElement source;
        ValueExpression? value = null;
        try
        {
            source = Pattern(typeof(T), sourceName, sourceConditions ?? Array.Empty<LambdaExpression>());
            if (selector is not null)
            {
                value = new ValueExpression(selector, Resolve(selector, null, null, 0));
            }
        }
        finally
        {
            _scope = outerScope;
        }

        var resultType = kind switch
        {
            AggregateKind.Collect => typeof(IReadOnlyList<>).MakeGenericType(typeof(T)),
            AggregateKind.Count => typeof(int),
            AggregateKind.GroupBy => typeof(FactGroup<,>).MakeGenericType(
                (selector ?? throw new ArgumentException($"Rule '{_id}': a group-by needs a selector.", nameof(selector))).ReturnType, typeof(T)),
            _ => (selector ?? throw new ArgumentException($"Rule '{_id}': a {kind} aggregate needs a selector.", nameof(selector))).ReturnType,
        };
        var result = Declare(name, resultType);
        var conditions = new List<ConditionElement>();
        foreach (var condition in resultConditions ?? Array.Empty<LambdaExpression>())
        {
            conditions.Add(new ConditionElement(condition, Resolve(condition, name, result, 0)));
        }

        _elements.Add(new AggregateElement(result, kind, source, value, conditions));
        return this;
    }

    /// <summary>Adds an action: the first parameter is the context, the others name declarations.</summary>
    /// <param name="action">The action lambda.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Action(LambdaExpression action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _actions.Add(new ActionElement(action, Resolve(action, null, null, 1)));
        return this;
    }

    /// <summary>Adds an action that uses only the context.</summary>
    /// <param name="action">The action.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Action(Expression<Action<IActionContext>> action) => Action((LambdaExpression)action);

    /// <summary>Adds an action over one declaration (named by the lambda parameter).</summary>
    /// <typeparam name="T1">The declaration type.</typeparam>
    /// <param name="action">The action.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Action<T1>(Expression<Action<IActionContext, T1>> action) => Action((LambdaExpression)action);

    /// <summary>Adds an action over two declarations (named by the lambda parameters).</summary>
    /// <typeparam name="T1">The first declaration type.</typeparam>
    /// <typeparam name="T2">The second declaration type.</typeparam>
    /// <param name="action">The action.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Action<T1, T2>(Expression<Action<IActionContext, T1, T2>> action) => Action((LambdaExpression)action);

    /// <summary>Adds an action over three declarations (named by the lambda parameters).</summary>
    /// <typeparam name="T1">The first declaration type.</typeparam>
    /// <typeparam name="T2">The second declaration type.</typeparam>
    /// <typeparam name="T3">The third declaration type.</typeparam>
    /// <param name="action">The action.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Action<T1, T2, T3>(Expression<Action<IActionContext, T1, T2, T3>> action) => Action((LambdaExpression)action);

    /// <summary>Builds the rule definition.</summary>
    /// <returns>The rule.</returns>
    public RuleDefinition Build() => new(
        _id,
        new AndElement(_elements),
        _actions,
        _priority,
        _description,
        _tags,
        _properties,
        _repeatability);

    private RuleElement Nested(Action<RuleBuilder> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var outerScope = _scope;
        _scope = new Dictionary<string, Declaration>(_scope, StringComparer.Ordinal);
        try
        {
            var elements = Collect(source);
            return elements.Count == 1 ? elements[0] : new AndElement(elements);
        }
        finally
        {
            _scope = outerScope;
        }
    }

    private List<RuleElement> Collect(Action<RuleBuilder> build)
    {
        var outer = _elements;
        _elements = new List<RuleElement>();
        try
        {
            build(this);
            return _elements;
        }
        finally
        {
            _elements = outer;
        }
    }

    private PatternElement Pattern(Type type, string name, IReadOnlyList<LambdaExpression> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var declaration = Declare(name, type, register: false);
        var elements = new List<ConditionElement>();
        foreach (var condition in conditions)
        {
            elements.Add(new ConditionElement(condition, Resolve(condition, name, declaration, 0)));
        }

        _scope[name] = declaration;
        return new PatternElement(declaration, elements);
    }

    private Declaration Declare(string name, Type type, bool register = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (_scope.ContainsKey(name))
        {
            throw new ArgumentException($"Rule '{_id}': '{name}' is already declared.", nameof(name));
        }

        Declaration declaration;
        if (_orPool is not null && _orPool.TryGetValue(name, out var pooled) && pooled.Type == type)
        {
            declaration = pooled;
        }
        else
        {
            declaration = new Declaration(name, type);
            if (_orPool is not null)
            {
                _orPool[name] = declaration;
            }
        }

        if (register)
        {
            _scope[name] = declaration;
        }

        return declaration;
    }

    private List<Declaration> Resolve(LambdaExpression lambda, string? ownName, Declaration? own, int skip)
    {
        var result = new List<Declaration>();
        for (var i = skip; i < lambda.Parameters.Count; i++)
        {
            var parameterName = lambda.Parameters[i].Name ?? string.Empty;
            if (own is not null && parameterName == ownName)
            {
                result.Add(own);
            }
            else if (_scope.TryGetValue(parameterName, out var declaration))
            {
                result.Add(declaration);
            }
            else if (own is not null && lambda.Parameters.Count - skip == 1)
            {
                // A single-parameter condition is over the pattern's own fact whatever the parameter is called.
                result.Add(own);
            }
            else
            {
                throw new ArgumentException(
                    $"Rule '{_id}': lambda parameter '{parameterName}' does not name a declaration bound before it ({lambda}).",
                    nameof(lambda));
            }
        }

        return result;
    }
}

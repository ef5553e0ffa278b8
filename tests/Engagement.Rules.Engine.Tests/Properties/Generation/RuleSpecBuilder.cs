using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Linq.Expressions;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Engine.Tests.Properties.Facts;

namespace Engagement.Rules.Engine.Tests.Properties.Generation;

/// <summary>
/// Turns generated rule descriptions into the canonical rule model, resolving each choice against the
/// declarations in scope so that every description yields a valid rule.
/// </summary>
public static class RuleSpecBuilder
{
    public static readonly Type[] FactTypes = [typeof(Alpha), typeof(Beta), typeof(Gamma)];

    private static readonly string[] Fields = [nameof(ITestFact.X), nameof(ITestFact.Y), nameof(ITestFact.S), nameof(ITestFact.Id)];

    private static readonly string[] Strings = ["a", "b", "c"];

    /// <summary>Builds rules <c>R0</c>, <c>R1</c>... with the action <paramref name="action"/> gives each.</summary>
    public static IReadOnlyList<RuleDefinition> Build(IReadOnlyList<RuleSpec> specs, Func<string, ActionElement> action)
    {
        var rules = new List<RuleDefinition>();
        for (var i = 0; i < specs.Count; i++)
        {
            var id = "R" + i.ToString(CultureInfo.InvariantCulture);
            rules.Add(new RuleDefinition(id, BuildLeftHandSide(specs[i]), [action(id)], specs[i].Priority));
        }

        return rules;
    }

    /// <summary>Builds one left-hand side.</summary>
    public static AndElement BuildLeftHandSide(RuleSpec spec)
    {
        var scope = new Scope();
        var elements = new List<RuleElement>();
        foreach (var element in spec.Elements)
        {
            elements.Add(BuildElement(element, scope));
        }

        return new AndElement(elements);
    }

    private static RuleElement BuildElement(ElementSpec spec, Scope scope)
    {
        switch (spec)
        {
            case PositiveSpec positive:
                var pattern = BuildPattern(positive.Pattern, scope, "p");
                scope.Facts.Add(pattern.Declaration);
                return pattern;
            case NotSpec { Disjunction: true, Patterns.Length: 2 } notOr:
                // not(p1 or p2): each alternative sees the outer declarations only.
                return new NotElement(new OrElement(notOr.Patterns.Select(p => (RuleElement)BuildPattern(p, scope.Copy(), "n")).ToList()));
            case ExistsSpec { Disjunction: true, Patterns.Length: 2 } existsOr:
                return new ExistsElement(new OrElement(existsOr.Patterns.Select(p => (RuleElement)BuildPattern(p, scope.Copy(), "e")).ToList()));
            case NotSpec not:
                return new NotElement(BuildConjunction(not.Patterns, scope.Copy()));
            case ExistsSpec exists:
                return new ExistsElement(BuildConjunction(exists.Patterns, scope.Copy()));
            case ForAllSpec forAll:
                var basePattern = BuildPattern(forAll.Base, scope, "f");
                var forAllScope = scope.Copy();
                forAllScope.Facts.Insert(0, basePattern.Declaration);
                var patterns = new List<PatternElement>();
                foreach (var p in forAll.Patterns)
                {
                    var built = BuildPattern(p, forAllScope, "f");
                    forAllScope.Facts.Add(built.Declaration);
                    patterns.Add(built);
                }

                return new ForAllElement(basePattern, patterns);
            case NestedSpec nested:
                var inner = scope.Copy();
                var first = BuildPattern(nested.First, inner, "n");
                inner.Facts.Insert(0, first.Declaration);
                var second = BuildPattern(nested.Second, inner, "n");
                RuleElement innerElement = nested.Inner % 2 == 0 ? new NotElement(second) : new ExistsElement(second);
                var conjunction = new AndElement([first, innerElement]);
                return nested.Outer % 2 == 0 ? new NotElement(conjunction) : new ExistsElement(conjunction);
            case BindingSpec binding:
                return BuildBinding(binding, scope);
            case AggregateSpec aggregate:
                return BuildAggregate(aggregate, scope);
            case OrSpec or:
                // Declarations of an alternative are not visible after the or: they are bound in one alternative only.
                return new OrElement(or.Alternatives.Select(alternative => BuildConjunction(alternative, scope.Copy())).ToList());
            default:
                throw new NotSupportedException(spec.GetType().Name);
        }
    }

    private static RuleElement BuildConjunction(PatternSpec[] specs, Scope scope)
    {
        var patterns = new List<RuleElement>();
        foreach (var spec in specs)
        {
            var pattern = BuildPattern(spec, scope, "n");
            scope.Facts.Add(pattern.Declaration);
            patterns.Add(pattern);
        }

        return patterns.Count == 1 ? patterns[0] : new AndElement(patterns);
    }

    private static PatternElement BuildPattern(PatternSpec spec, Scope scope, string prefix)
    {
        var declaration = new Declaration(scope.NextName(prefix), FactTypes[spec.Type % FactTypes.Length]);
        var self = Expression.Parameter(declaration.Type, declaration.Name);
        var conditions = new List<ConditionElement>();
        foreach (var condition in spec.Conditions)
        {
            conditions.Add(BuildCondition(condition, declaration, self, scope));
        }

        return new PatternElement(declaration, conditions);
    }

    private static ConditionElement BuildCondition(ConditionSpec spec, Declaration declaration, ParameterExpression self, Scope scope)
    {
        var field = Fields[spec.Field % Fields.Length];
        var left = Expression.Property(self, field);
        if (spec.Kind == 1 && scope.Facts.Count > 0)
        {
            var target = scope.Facts[spec.Target % scope.Facts.Count];
            var other = Expression.Parameter(target.Type, target.Name);
            var otherField = field is nameof(ITestFact.S) or nameof(ITestFact.Id) ? field : Fields[spec.TargetField % 2];
            var body = Compare(spec.Op, left, Expression.Property(other, otherField));

            // Both parameter orders occur, so the engine's mapping of lambda parameters to declarations is exercised.
            return spec.Constant % 2 == 0
                ? new ConditionElement(Expression.Lambda(body, self, other), [declaration, target])
                : new ConditionElement(Expression.Lambda(body, other, self), [target, declaration]);
        }

        if (spec.Kind == 2 && scope.Ints.Count > 0)
        {
            var value = scope.Ints[spec.Target % scope.Ints.Count];
            var parameter = Expression.Parameter(typeof(int), value.Name);
            var intField = field is nameof(ITestFact.S) ? Expression.Property(self, nameof(ITestFact.X)) : left;
            return new ConditionElement(Expression.Lambda(Compare(spec.Op, intField, parameter), self, parameter), [declaration, value]);
        }

        Expression constant = field == nameof(ITestFact.S)
            ? Expression.Constant(Strings[spec.Constant % Strings.Length])
            : Expression.Constant(spec.Constant);
        return new ConditionElement(Expression.Lambda(Compare(spec.Op, left, constant), self), [declaration]);
    }

    private static BindingElement BuildBinding(BindingSpec spec, Scope scope)
    {
        // The int values in scope: a field of each fact, then each int binding or aggregate result.
        var parameters = new Dictionary<Declaration, ParameterExpression>();
        var sources = new List<(Declaration Declaration, Func<ParameterExpression, Expression> Read)>();
        foreach (var fact in scope.Facts)
        {
            var field = Fields[spec.Field % 2];
            sources.Add((fact, p => Expression.Property(p, field)));
        }

        foreach (var value in scope.Ints)
        {
            sources.Add((value, p => p));
        }

        Expression body;
        if (sources.Count == 0)
        {
            body = Expression.Constant(spec.First % 3);
        }
        else
        {
            Expression Read(int index)
            {
                var (declaration, read) = sources[index % sources.Count];
                if (!parameters.TryGetValue(declaration, out var parameter))
                {
                    parameter = Expression.Parameter(declaration.Type, declaration.Name);
                    parameters.Add(declaration, parameter);
                }

                return read(parameter);
            }

            body = (spec.Kind % 3) switch
            {
                0 => Expression.Add(Read(spec.First), Read(spec.Second)),
                1 => Expression.Multiply(Read(spec.First), Expression.Constant(2)),
                _ => Expression.Subtract(Read(spec.First), Expression.Constant(1)),
            };
        }

        var declarationOut = new Declaration(scope.NextName("k"), typeof(int));
        var binding = new BindingElement(declarationOut, Expression.Lambda(body, parameters.Values), parameters.Keys.ToList());
        scope.Ints.Add(declarationOut);
        return binding;
    }

    private static AggregateElement BuildAggregate(AggregateSpec spec, Scope scope)
    {
        var source = BuildPattern(spec.Source, scope.Copy(), "s");
        var sourceParameter = Expression.Parameter(source.FactType, source.Declaration.Name);
        var kind = (AggregateKind)spec.Kind;
        ValueExpression? selector = null;
        Type resultType;
        switch (kind)
        {
            case AggregateKind.Collect:
                resultType = typeof(IReadOnlyList<>).MakeGenericType(source.FactType);
                break;
            case AggregateKind.Count:
                resultType = typeof(int);
                break;
            case AggregateKind.GroupBy:
                var key = spec.SelectorField % 2 == 0 ? nameof(ITestFact.X) : nameof(ITestFact.S);
                var keyExpression = Expression.Property(sourceParameter, key);
                selector = new ValueExpression(Expression.Lambda(keyExpression, sourceParameter), [source.Declaration]);
                resultType = typeof(FactGroup<,>).MakeGenericType(keyExpression.Type, source.FactType);
                break;
            default:
                var field = Expression.Property(sourceParameter, Fields[spec.SelectorField % 2]);
                selector = new ValueExpression(Expression.Lambda(field, sourceParameter), [source.Declaration]);
                resultType = typeof(int);
                break;
        }

        var result = new Declaration(scope.NextName("v"), resultType);
        var resultParameter = Expression.Parameter(resultType, result.Name);
        Expression measure = kind switch
        {
            AggregateKind.Collect => Expression.Property(
                Expression.Convert(resultParameter, typeof(IReadOnlyCollection<>).MakeGenericType(source.FactType)), "Count"),
            AggregateKind.GroupBy => Expression.Property(
                Expression.Convert(Expression.Property(resultParameter, "Items"), typeof(IReadOnlyCollection<>).MakeGenericType(source.FactType)),
                "Count"),
            _ => resultParameter,
        };

        var conditions = new List<ConditionElement>();
        var op = new[] { 0, 1, 2, 3, 5 }[spec.Op % 5];
        if (spec.ResultCondition % 3 == 2 && scope.Facts.Count > 0)
        {
            var target = scope.Facts[spec.Target % scope.Facts.Count];
            var other = Expression.Parameter(target.Type, target.Name);
            var body = Compare(op, measure, Expression.Property(other, nameof(ITestFact.X)));
            conditions.Add(new ConditionElement(Expression.Lambda(body, resultParameter, other), [result, target]));
        }
        else if (spec.ResultCondition % 3 != 0)
        {
            var body = Compare(op, measure, Expression.Constant(spec.Constant));
            conditions.Add(new ConditionElement(Expression.Lambda(body, resultParameter), [result]));
        }

        if (resultType == typeof(int))
        {
            scope.Ints.Add(result);
        }

        return new AggregateElement(result, kind, source, selector, conditions);
    }

    private static BinaryExpression Compare(int op, Expression left, Expression right)
    {
        if (left.Type == typeof(string))
        {
            return op % 2 == 0 ? Expression.Equal(left, right) : Expression.NotEqual(left, right);
        }

        return (op % 6) switch
        {
            0 => Expression.Equal(left, right),
            1 => Expression.NotEqual(left, right),
            2 => Expression.LessThan(left, right),
            3 => Expression.GreaterThan(left, right),
            4 => Expression.LessThanOrEqual(left, right),
            _ => Expression.GreaterThanOrEqual(left, right),
        };
    }

    private sealed class Scope
    {
        private readonly int[] _counter;

        public Scope()
            : this([0], [], [])
        {
        }

        private Scope(int[] counter, List<Declaration> facts, List<Declaration> ints)
        {
            _counter = counter;
            Facts = facts;
            Ints = ints;
        }

        /// <summary>Fact declarations visible here, in binding order.</summary>
        public List<Declaration> Facts { get; }

        /// <summary>Int bindings and aggregate results visible here.</summary>
        public List<Declaration> Ints { get; }

        /// <summary>A nested scope: sees everything visible here; what it adds stays inside; names stay unique in the rule.</summary>
        public Scope Copy() => new(_counter, [.. Facts], [.. Ints]);

        public string NextName(string prefix) => prefix + (_counter[0]++).ToString(CultureInfo.InvariantCulture);
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Linq.Expressions;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Evaluation;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Expressions.Binding;
using Engagement.Rules.Yaml.Explaining;
using Engagement.Rules.Yaml.Expressions;
using Engagement.Rules.Yaml.Loading;
using Engagement.Rules.Yaml.Syntax;

namespace Engagement.Rules.Yaml.Building;

/// <summary>
/// Builds one <see cref="RuleDefinition"/> from its mapping: metadata, the left-hand side (always led by
/// the <see cref="EvaluationContext"/> pattern that carries the effective dates) and the actions. Reports
/// every problem it finds and returns null when there was any.
/// </summary>
internal sealed partial class RuleTranslator
{
    /// <summary>The name of the hidden declaration bound to the session's <see cref="EvaluationContext"/>.</summary>
    public const string ContextName = "$context";

    /// <summary>The most alternatives a rule's <c>any</c> items may combine into: the engine's own limit, past which it refuses the rule.</summary>
    private static int MaxAlternatives => Engine.RuleCompiler.MaxAlternatives;

    private readonly LoadContext _context;
    private readonly NodeReader _reader;
    private readonly ConditionLibrary _conditions;
    private readonly RuleFileUnit _file;
    private readonly Declaration _contextDeclaration = new(ContextName, typeof(EvaluationContext));
    private readonly HashSet<string> _declared = new(StringComparer.Ordinal);
    private readonly List<Declaration> _evidence = new();

    // Where each 'any' of the rule was written, to locate a rule whose alternatives combine past the limit.
    private readonly Dictionary<OrElement, ScalarSyntax> _anyKeywords = new(ReferenceEqualityComparer.Instance);

    // Lets whose value may be missing (e.g. a nullable record): later uses must be guarded like a nullable field.
    private readonly HashSet<string> _maybeMissing = new(StringComparer.Ordinal);
    private string _ruleId = "(unnamed)";
    private int _errors;
    private bool _failed;

    public RuleTranslator(LoadContext context, ConditionLibrary conditions, RuleFileUnit file)
    {
        _context = context;
        _reader = new NodeReader(context);
        _conditions = conditions;
        _file = file;
    }

    /// <summary>The rule's id node, when it has a valid one (for the duplicate check).</summary>
    public ScalarSyntax? IdNode { get; private set; }

    public bool Enabled { get; private set; } = true;

    private int ErrorCount => _context.Diagnostics.Items.Count(d => d.Severity == Diagnostics.DiagnosticSeverity.Error);

    public RuleDefinition? Build(MappingSyntax rule)
    {
        _errors = ErrorCount;
        if (rule.Get("id") is { } idNode && _reader.Scalar(idNode, "id") is { } id)
        {
            _ruleId = id.Value;
            _reader.RuleId = id.Value;
            if (Names.IsValidId(id.Value))
            {
                IdNode = id;
            }
            else
            {
                _reader.Error(DiagnosticCodes.InvalidRuleId, id, $"'{id.Value}' is not a valid rule id; use lower-case letters, digits, '-', '.' and '_' (at most 128), e.g. warranty-ending-offer.");
            }
        }
        else if (rule.Get("id") is null)
        {
            _reader.Error(DiagnosticCodes.MissingKey, rule, "A rule needs an 'id' (e.g. id: warranty-ending-offer).");
        }

        _reader.Keys(rule, RuleFileKeys.Rule, "a rule");
        var description = rule.Get("description") is { } d ? _reader.Scalar(d, "description")?.Value : null;
        var priority = rule.Get("priority") is { } p ? _reader.Int(p, "priority") ?? 0 : 0;
        var tags = rule.Get("tags") is { } t ? _reader.ScalarList(t, "tags").Select(s => s.Value).ToArray() : [];
        Enabled = rule.Get("enabled") is not { } e || (_reader.Bool(e, "enabled") ?? true);
        var repeatable = rule.Get("repeatable") is not { } r || (_reader.Bool(r, "repeatable") ?? true);

        var scope = new Dictionary<string, Declaration>(StringComparer.Ordinal);
        var elements = new List<RuleElement> { ContextPattern(rule) };
        if (rule.Get("when") is { } when && !(when is ScalarSyntax { IsNull: true }))
        {
            if (_reader.Sequence(when, "when") is { } items)
            {
                foreach (var item in items.Items)
                {
                    if (Element(item, scope, topLevel: true) is { } element)
                    {
                        if (element is AndElement and)
                        {
                            elements.AddRange(and.Elements);
                        }
                        else
                        {
                            elements.Add(element);
                        }
                    }
                }
            }
        }

        // Measured by the engine itself, as it will measure the rule when compiling it: what passes here compiles.
        var leftHandSide = new AndElement(elements);
        if (Engine.RuleCompiler.CountLevels(leftHandSide) > Engine.RuleCompiler.MaxLevels)
        {
            _reader.Error(
                DiagnosticCodes.RuleTooDeep,
                rule.GetKey("when") ?? (SyntaxNode)rule,
                $"The conditions of '{_ruleId}' stack more than {Engine.RuleCompiler.MaxLevels.ToString(CultureInfo.InvariantCulture)} levels, the limit (each pattern and let is one, an aggregate two, a not/exists/forall one plus what it contains, the evaluation context one; " +
                "each alternative of an 'any' counts on its own). Split the rule: one rule raises a signal that the next one matches.");
        }

        if (Engine.RuleCompiler.CountAlternatives(leftHandSide) > MaxAlternatives)
        {
            _reader.Error(
                DiagnosticCodes.TooManyAlternatives,
                AnyPastTheLimit(elements) is { } any && _anyKeywords.TryGetValue(any, out var keyword) ? keyword : rule.GetKey("when") ?? (SyntaxNode)rule,
                $"With this 'any', the 'any' items of '{_ruleId}' combine into more than {MaxAlternatives.ToString(CultureInfo.InvariantCulture)} alternatives, the limit " +
                "(the alternatives of an 'any' add up, items side by side multiply: three 'any' of 4 alternatives make 64). Split the rule into several rules.");
        }

        var actions = new List<ActionElement>();
        if (rule.Get("then") is not { } then || then is ScalarSyntax { IsNull: true } || (then is SequenceSyntax { Items.Count: 0 }))
        {
            _reader.Error(DiagnosticCodes.NoActions, rule.GetKey("then") ?? (SyntaxNode)rule, "A rule needs at least one action under 'then' (a touch or a signal).");
        }
        else if (_reader.Sequence(then, "then") is { } actionItems)
        {
            foreach (var item in actionItems.Items)
            {
                if (Action(item, scope) is { } action)
                {
                    actions.Add(action);
                }
            }
        }

        if (ErrorCount > _errors || _failed || IdNode is null || actions.Count == 0)
        {
            return null;
        }

        var properties = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [RuleDefinition.SourceProperty] = rule.Location.ToString(),
        };
        return new RuleDefinition(
            _ruleId,
            new AndElement(elements),
            actions,
            priority,
            description,
            tags,
            properties,
            repeatable ? RuleRepeatability.Repeatable : RuleRepeatability.NonRepeatable);
    }

    /// <summary>
    /// The 'any' that takes the rule past the engine's limit: the first in the first item whose addition to the items
    /// before it does (counted by the engine); inside a not or exists too, whose content the engine expands on its own.
    /// </summary>
    private static OrElement? AnyPastTheLimit(List<RuleElement> elements)
    {
        for (var count = 1; count <= elements.Count; count++)
        {
            if (Engine.RuleCompiler.CountAlternatives(new AndElement(elements.GetRange(0, count))) > MaxAlternatives)
            {
                return FirstAny(elements[count - 1]);
            }
        }

        return null;
    }

    /// <summary>The first 'any' written in an item, or null.</summary>
    private static OrElement? FirstAny(RuleElement element) => element switch
    {
        OrElement or => or,
        AndElement and => and.Elements.Select(FirstAny).FirstOrDefault(o => o is not null),
        NotElement not => FirstAny(not.Source),
        ExistsElement exists => FirstAny(exists.Source),
        _ => null,
    };

    private PatternElement ContextPattern(MappingSyntax rule)
    {
        var effective = rule.Get("effective");
        var conditions = new List<ConditionElement>();
        if (effective is not null && _reader.Mapping(effective, "effective") is { } range)
        {
            _reader.Keys(range, RuleFileKeys.Effective, "'effective'");
            var from = range.Get("from") is { } f ? _reader.Date(f, "from") : null;
            var until = range.Get("until") is { } u ? _reader.Date(u, "until") : null;
            if (from is { } start && until is { } end && end < start)
            {
                _reader.Error(DiagnosticCodes.InvalidEffectiveRange, range, $"'effective' ends ({end:uuuu-MM-dd}) before it starts ({start:uuuu-MM-dd}); swap the dates.");
            }

            var context = Expression.Parameter(typeof(EvaluationContext), ContextName);
            var today = Expression.Property(context, nameof(EvaluationContext.Today));
            if (from is { } fromDate)
            {
                // Explanations show what the rule file says, not the expression tree (whose dates print in the culture's long form).
                conditions.Add(Written(
                    new ConditionElement(
                        Expression.Lambda(Expression.GreaterThanOrEqual(today, Expression.Constant(fromDate)), context),
                        [_contextDeclaration])
                    {
                        Text = $"effective from {fromDate.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}",
                    },
                    range.Get("from")!));
            }

            if (until is { } untilDate)
            {
                conditions.Add(Written(
                    new ConditionElement(
                        Expression.Lambda(Expression.LessThanOrEqual(today, Expression.Constant(untilDate)), context),
                        [_contextDeclaration])
                    {
                        Text = $"effective until {untilDate.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}",
                    },
                    range.Get("until")!));
            }
        }

        // The hidden pattern stands for the rule's 'effective' dates where it has them, else for the rule itself.
        var pattern = new PatternElement(_contextDeclaration, conditions);
        var key = rule.GetKey("effective");
        WrittenSource.Record(pattern, (key ?? (SyntaxNode)rule).Location, key is null ? "(evaluation context)" : "effective");
        return pattern;
    }

    private TypedExpression? Compile(ScalarSyntax text, IReadOnlyDictionary<string, Declaration> scope, Type? expectedType)
    {
        if (text.Value.Length > _context.Options.MaxExpressionLength)
        {
            _reader.Error(
                DiagnosticCodes.ExpressionTooLong,
                text,
                $"The expression is {text.Value.Length.ToString(CultureInfo.InvariantCulture)} characters long; the limit is {_context.Options.MaxExpressionLength.ToString(CultureInfo.InvariantCulture)}. Split it into named conditions or lets.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(text.Value))
        {
            _reader.Invalid(text, "The expression is empty; write one.");
            return null;
        }

        return _context.ExpressionCompiler.Compile(
            text.Value, text.Positions, new ExpressionScope(scope, _contextDeclaration, _ruleId) { MaybeMissing = _maybeMissing, ConditionNameMessage = ConditionNameMessage }, expectedType, _context.Diagnostics);
    }

    /// <summary>Why an expression cannot name a condition, and where to write it instead; null for other names.</summary>
    private string? ConditionNameMessage(string name)
    {
        if (!_conditions.TryGet(name, out var definition))
        {
            return null;
        }

        var message = $"'{name}' is a named condition; an expression cannot use one: give it its own item of the 'where' list (where: [{name}, \"...\"]).";
        return _file.Closure().Contains(definition.File) ? message : $"{message} {ConditionLibrary.NotIncluded(definition, _file)}";
    }

    private Declaration? Declare(ScalarSyntax name, Type type, Dictionary<string, Declaration> scope)
    {
        if (!Names.IsValidDeclaration(name.Value))
        {
            _reader.Error(
                DiagnosticCodes.InvalidName,
                name,
                Names.Reserved.Contains(name.Value)
                    ? $"'{name.Value}' is a word of the expression language; choose another name."
                    : $"'{name.Value}' is not a valid name; use ASCII letters (a-z, A-Z), digits and '_', starting with a letter (e.g. customer).");
            return null;
        }

        if (!_declared.Add(name.Value))
        {
            _reader.Error(DiagnosticCodes.DuplicateDeclaration, name, $"The name '{name.Value}' is already declared in this rule; choose another.");

            // Declared elsewhere (e.g. in a sibling 'not'), the name is unknown here: declare it with the type meant,
            // so that its uses are checked as intended and none is a cascading "Unknown name".
            scope.TryAdd(name.Value, new Declaration(name.Value, type));
            return null;
        }

        var declaration = new Declaration(name.Value, type);
        scope[name.Value] = declaration;
        return declaration;
    }

    /// <summary>
    /// Declares a name whose declaration failed (its error is reported) so that its later uses are no errors of
    /// their own: one mistake, one error.
    /// </summary>
    private void Poison(ScalarSyntax name, Dictionary<string, Declaration> scope)
    {
        _failed = true;
        if (Names.IsValidDeclaration(name.Value) && _declared.Add(name.Value))
        {
            scope[name.Value] = PoisonedName.Declare(name.Value);
        }
    }

    private Type? FactType(ScalarSyntax name)
    {
        if (_context.Options.Catalog.TryGetType(name.Value, out var type))
        {
            return type;
        }

        _reader.Error(DiagnosticCodes.UnknownFactType, name, $"Unknown fact type '{name.Value}'.{DidYouMean.Hint(name.Value, _context.Options.Catalog.Names)}");
        return null;
    }

    /// <summary>A lambda over the expression's declarations, with <paramref name="own"/> added when unused.</summary>
    private static LambdaExpression Lambda(TypedExpression expression, Declaration? own, out IReadOnlyList<Declaration> declarations)
    {
        var parameters = expression.Parameters.ToList();
        var used = expression.Declarations.ToList();
        if (own is not null && !used.Any(x => ReferenceEquals(x, own)))
        {
            used.Add(own);
            parameters.Add(Expression.Parameter(own.Type, own.Name));
        }

        declarations = used;
        return Expression.Lambda(expression.Body, parameters);
    }

    private ConditionElement? Condition(TypedExpression? expression, Declaration? own, SyntaxNode at)
    {
        if (expression is null)
        {
            return null;
        }

        if (expression.Type != typeof(bool))
        {
            _reader.Error(DiagnosticCodes.WrongValueType, at, $"A condition must be true or false, but this is {LanguageTypes.WithArticle(expression.Type)}.");
            return null;
        }

        var lambda = Lambda(expression, own, out var declarations);
        // The text as written (a named condition by its name, also when referenced with 'with') names the
        // condition when it throws at run time.
        var text = at is MappingSyntax reference ? reference.Get("condition") as ScalarSyntax : at as ScalarSyntax;
        var condition = new ConditionElement(lambda, declarations) { Text = text?.Value };
        return text is null ? condition : Written(condition, text);
    }

    /// <summary>Records where a condition was written (with its text), for explanations; returns it.</summary>
    private static ConditionElement Written(ConditionElement condition, SyntaxNode at)
    {
        WrittenSource.Record(condition, at.Location, condition.Text ?? string.Empty);
        return condition;
    }

    /// <summary>Records where an element was written (with its text as written there), for explanations; returns it.</summary>
    private static T Written<T>(T element, SyntaxNode at, string text)
        where T : RuleElement
    {
        WrittenSource.Record(element, at.Location, text);
        return element;
    }
}

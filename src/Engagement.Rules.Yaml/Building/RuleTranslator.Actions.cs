using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Expressions;
using Engagement.Rules.Yaml.Expressions.Binding;
using Engagement.Rules.Yaml.Loading;
using Engagement.Rules.Yaml.Runtime;
using Engagement.Rules.Yaml.Syntax;
using NodaTime;

namespace Engagement.Rules.Yaml.Building;

/// <summary>The right-hand side: <c>touch</c> and <c>signal</c> actions, compiled to calls of <see cref="RuleActions"/>.</summary>
internal sealed partial class RuleTranslator
{
    private static readonly MethodInfo ProposeTouchMethod = typeof(RuleActions).GetMethod(nameof(RuleActions.ProposeTouch))!;
    private static readonly MethodInfo EmitSignalMethod = typeof(RuleActions).GetMethod(nameof(RuleActions.EmitSignal))!;
    private static readonly MethodInfo FormatMethod = typeof(ValueText).GetMethod(nameof(ValueText.Format))!;
    private static readonly MethodInfo FormatValueMethod = typeof(ValueText).GetMethod(nameof(ValueText.FormatValue))!;
    private static readonly MethodInfo ConcatMethod = typeof(string).GetMethod(nameof(string.Concat), [typeof(string[])])!;

    // string.Concat of 2 to 4 strings and TextConcat.Concat of 5 to 8, by part count: no array per fired rule.
    private static readonly MethodInfo?[] ConcatByCount = Enumerable.Range(0, 9)
        .Select(n => n < 2 ? null : (n <= 4 ? typeof(string) : typeof(TextConcat)).GetMethod(nameof(string.Concat), Enumerable.Repeat(typeof(string), n).ToArray()))
        .ToArray();

    private ActionElement? Action(SyntaxNode node, Dictionary<string, Declaration> scope)
    {
        if (_reader.Mapping(node, "then item") is not { } mapping)
        {
            return null;
        }

        if (mapping.Entries.Count != 1 || !RuleFileKeys.Action.Contains(mapping.Entries[0].Key.Value))
        {
            var key = mapping.Entries.FirstOrDefault(e => !RuleFileKeys.Action.Contains(e.Key.Value)).Key;
            if (key is not null)
            {
                _reader.UnknownKey(key, RuleFileKeys.Action, "an action (each action is its own list item)");
            }
            else
            {
                _reader.Error(DiagnosticCodes.UnknownElement, mapping.Entries[1].Key, "Each action is its own list item; start a new item ('- ').");
            }

            return null;
        }

        var (keyword, value) = (mapping.Entries[0].Key, mapping.Entries[0].Value);
        if (_reader.Mapping(value, keyword.Value) is not { } body)
        {
            return null;
        }

        return keyword.Value == "touch" ? Touch(keyword, body, scope) : Signal(keyword, body, scope);
    }

    private ActionElement? Touch(ScalarSyntax keyword, MappingSyntax touch, Dictionary<string, Declaration> scope)
    {
        _reader.Keys(touch, RuleFileKeys.Touch, "'touch'");
        var before = ErrorCount;
        var parts = new ExpressionParts();
        var context = parts.Context;

        TouchKind? kind = null;
        if (_reader.Required(touch, "kind", "'touch'") is { } kindNode && _reader.Scalar(kindNode, "kind") is { } kindText)
        {
            try
            {
                kind = new TouchKind(kindText.Value);
            }
            catch (ArgumentException)
            {
                _reader.Invalid(kindText, $"'{kindText.Value}' is not a touch kind; use lower-case letters, digits and '-' (e.g. reminder, offer, thank-you).");
            }
        }

        var touchClass = _reader.Required(touch, "class", "'touch'") is { } classNode ? _reader.Choice(classNode, "class", RuleFileKeys.TouchClasses) : null;
        var topic = _reader.Required(touch, "topic", "'touch'") is { } topicNode ? Topic(touch, topicNode) : null;
        var channel = touch.Get("channel") is { } channelNode ? _reader.Choice(channelNode, "channel", RuleFileKeys.Channels) : null;
        var at = touch.Get("at") is { } atNode ? _reader.Time(atNode, "at") : null;
        var priority = touch.Get("priority") is { } priorityNode ? _reader.Int(priorityNode, "priority") ?? 0 : 0;

        var customer = Customer(touch.Get("customer"), keyword, scope, parts);
        var vehicle = Vehicle(touch.Get("vehicle"), scope, parts);
        Expression? due = touch.Get("due") is { } dueNode
            ? Value(dueNode, "due", scope, parts, typeof(LocalDate))
            : Expression.Property(parts.Parameter(_contextDeclaration), nameof(Evaluation.EvaluationContext.Today));
        Expression? expires = Expression.Constant(null, typeof(LocalDate?));
        if (touch.Get("expires") is { } expiresNode)
        {
            expires = Value(expiresNode, "expires", scope, parts, null) is { } e
                ? (e.Type == typeof(LocalDate) ? Expression.Convert(e, typeof(LocalDate?)) : e.Type == typeof(LocalDate?) ? e : WrongType(expiresNode, "expires", "a date", e.Type))
                : null;
        }

        var (names, values) = Values(touch.Get("values"), scope, parts);
        Expression? reason = touch.Get("reason") is { } reasonNode ? Interpolate(reasonNode, scope, parts) : Expression.Constant(string.Empty);

        if (ErrorCount > before || kind is null || touchClass is null || topic is null || customer is null || due is null || expires is null || values is null || reason is null)
        {
            return null;
        }

        var template = new TouchTemplate(
            _ruleId,
            kind.Value,
            Enum.Parse<TouchClass>(touchClass, ignoreCase: true),
            topic,
            channel is null or "preferred" ? null : Enum.Parse<ContactChannel>(channel, ignoreCase: true),
            at,
            priority,
            names,
            _evidence.ToArray());
        var call = Expression.Call(
            ProposeTouchMethod,
            context,
            Expression.Constant(template),
            customer,
            vehicle ?? Expression.Constant(null, typeof(string)),
            due,
            expires,
            values,
            reason);
        return new ActionElement(Expression.Lambda(call, parts.Parameters.Prepend(context)), parts.Declarations);
    }

    /// <summary>
    /// The topic, which is also the template key hosts look messages up by: the rule-id alphabet, so that it is
    /// the same key in every template store, file name or URL (ER0023 otherwise; an empty one at its key).
    /// </summary>
    private string? Topic(MappingSyntax touch, SyntaxNode node)
    {
        if (_reader.Scalar(node, "topic") is not { } topic)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(topic.Value))
        {
            _reader.Invalid(touch.GetKey("topic")!, "'topic' is empty; a touch needs a topic, the key of its message template, e.g. service.oil-change-due.");
            return null;
        }

        if (!Names.IsValidId(topic.Value))
        {
            _reader.Invalid(topic, $"'{topic.Value}' is not a valid topic; a topic is a template key: lower-case letters, digits, '-', '.' and '_', starting with a letter or digit, at most 128 characters (e.g. service.oil-change-due).");
            return null;
        }

        return topic.Value;
    }

    private ActionElement? Signal(ScalarSyntax keyword, MappingSyntax signal, Dictionary<string, Declaration> scope)
    {
        _reader.Keys(signal, RuleFileKeys.Signal, "'signal'");
        var before = ErrorCount;
        var parts = new ExpressionParts();
        var context = parts.Context;
        string? name = null;
        if (_reader.Required(signal, "name", "'signal'") is { } nameNode && _reader.Scalar(nameNode, "name") is { } nameText)
        {
            if (Names.IsValidId(nameText.Value))
            {
                name = nameText.Value;
            }
            else
            {
                _reader.Invalid(nameText, $"'{nameText.Value}' is not a valid signal name; use lower-case letters, digits, '-', '.' and '_' (e.g. warranty-offer-made).");
            }
        }

        var linked = signal.Get("linked") is not { } linkedNode || (_reader.Bool(linkedNode, "linked") ?? true);
        var customer = Customer(signal.Get("customer"), keyword, scope, parts);
        var vehicle = Vehicle(signal.Get("vehicle"), scope, parts);
        var (names, values) = Values(signal.Get("values"), scope, parts);
        if (ErrorCount > before || name is null || customer is null || values is null)
        {
            return null;
        }

        var call = Expression.Call(
            EmitSignalMethod,
            context,
            Expression.Constant(new SignalTemplate(_ruleId, name, linked, names)),
            customer,
            vehicle ?? Expression.Constant(null, typeof(string)),
            values);
        return new ActionElement(Expression.Lambda(call, parts.Parameters.Prepend(context)), parts.Declarations);
    }

    /// <summary>
    /// The customer id: an expression giving the id text or a fact with a <c>CustomerId</c>; by default the
    /// rule's one declaration of the catalogue's <c>Customer</c> type.
    /// </summary>
    private Expression? Customer(SyntaxNode? node, ScalarSyntax action, Dictionary<string, Declaration> scope, ExpressionParts parts)
    {
        if (node is not null)
        {
            return Value(node, "customer", scope, parts, null) is { } value ? IdOf(value, "CustomerId", node, "customer", "a customer id") : null;
        }

        var candidates = _context.Options.Catalog.TryGetType("Customer", out var customerType)
            ? scope.Values.Where(d => d.Type == customerType).ToList()
            : [];
        if (candidates.Count == 0 && scope.Values.Any(PoisonedName.Is))
        {
            // The customer may well be the name whose declaration failed (e.g. customer: Custmer): that error is reported.
            return null;
        }

        if (candidates.Count != 1)
        {
            _reader.Error(
                DiagnosticCodes.CustomerNotFound,
                action,
                candidates.Count == 0
                    ? $"'{action.Value}' needs to know the customer: add 'customer: <name>', or a Customer pattern to 'when'."
                    : $"'{action.Value}' cannot tell which customer: the rule declares {string.Join(", ", candidates.Select(c => c.Name))}; add 'customer: <name>'.");
            return null;
        }

        return Expression.Property(parts.Parameter(candidates[0]), "CustomerId");
    }

    private Expression? Vehicle(SyntaxNode? node, Dictionary<string, Declaration> scope, ExpressionParts parts) =>
        node is null ? null : Value(node, "vehicle", scope, parts, null) is { } value ? IdOf(value, "Vin", node, "vehicle", "a VIN") : null;

    private Expression? IdOf(Expression value, string property, SyntaxNode at, string what, string expected)
    {
        if (AsText(value) is { } text)
        {
            return text;
        }

        var member = value.Type.GetProperty(property, BindingFlags.Public | BindingFlags.Instance);
        if (member is not null && AsText(Expression.Property(value, member)) is { } id)
        {
            return id;
        }

        return WrongType(at, what, $"{expected} or a fact with a {property}", value.Type);
    }

    /// <summary>Text, or a value type wrapping text in a <c>Value</c> (e.g. a <c>Vin</c>).</summary>
    private static Expression? AsText(Expression value)
    {
        if (value.Type == typeof(string))
        {
            return value;
        }

        var inner = value.Type.IsValueType ? value.Type.GetProperty("Value", BindingFlags.Public | BindingFlags.Instance) : null;
        return inner is not null && inner.PropertyType == typeof(string) ? Expression.Property(value, inner) : null;
    }

    private Expression? WrongType(SyntaxNode at, string what, string expected, Type actual)
    {
        _reader.Error(DiagnosticCodes.WrongValueType, at, $"'{what}' must be {expected}, but this is {LanguageTypes.WithArticle(actual)}{(Nullable.GetUnderlyingType(actual) is null ? string.Empty : " that may be missing")}.");
        return null;
    }

    private Expression? Value(SyntaxNode node, string what, Dictionary<string, Declaration> scope, ExpressionParts parts, Type? expectedType)
    {
        if (_reader.Scalar(node, what) is not { } text || Compile(text, scope, expectedType) is not { } expression)
        {
            return null;
        }

        if (expectedType is not null && expression.Type != expectedType)
        {
            return WrongType(node, what, LanguageTypes.WithArticle(expectedType), expression.Type);
        }

        return parts.Use(expression, what, text.Value);
    }

    private (IReadOnlyList<string> Names, Expression? Values) Values(SyntaxNode? node, Dictionary<string, Declaration> scope, ExpressionParts parts)
    {
        var names = new List<string>();
        var values = new List<Expression>();
        var ok = true;
        if (node is not null)
        {
            if (_reader.Mapping(node, "values") is not { } mapping)
            {
                return (names, null);
            }

            foreach (var (name, valueNode) in mapping.Entries)
            {
                var value = Value(valueNode, name.Value, scope, parts, null);
                value = value is not null && Renderable(value.Type, valueNode, $"The value '{name.Value}'") ? value : null;
                ok &= value is not null;
                if (value is not null)
                {
                    names.Add(name.Value);
                    values.Add(Text(value));
                }
            }
        }

        // No values: one shared empty array rather than a new one per fired rule.
        return (names, !ok ? null : values.Count == 0 ? Expression.Constant(Array.Empty<string>()) : Expression.NewArrayInit(typeof(string), values));
    }

    /// <summary><c>"text {expression} text"</c>; <c>{{</c> and <c>}}</c> stand for braces.</summary>
    private Expression? Interpolate(SyntaxNode node, Dictionary<string, Declaration> scope, ExpressionParts parts)
    {
        if (_reader.Scalar(node, "reason") is not { } scalar)
        {
            return null;
        }

        var text = scalar.Value;
        var pieces = new List<Expression>();
        var literal = new System.Text.StringBuilder();
        var ok = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                literal.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                literal.Append('}');
                i++;
            }
            else if (c == '}')
            {
                _context.Error(DiagnosticCodes.InterpolationSyntax, scalar.Positions.Locate(i), "A '}' closes nothing; write '}}' for a brace.", _ruleId);
                ok = false;
            }
            else if (c == '{')
            {
                var close = ClosingBrace(text, i + 1);
                if (close < 0)
                {
                    _context.Error(DiagnosticCodes.InterpolationSyntax, scalar.Positions.Locate(i), "This '{' is never closed; close it with '}' or write '{{' for a brace.", _ruleId);
                    return null;
                }

                pieces.Add(Expression.Constant(literal.ToString()));
                literal.Clear();
                var inner = new ScalarSyntax(scalar.Positions.Locate(i + 1), text[(i + 1)..close], isPlain: false, scalar.Positions.From(i + 1));
                if (Compile(inner, scope, null) is { } expression && Renderable(expression.Type, inner, "A reason part"))
                {
                    pieces.Add(Text(parts.Use(expression, "reason", inner.Value)));
                }
                else
                {
                    ok = false;
                }

                i = close;
            }
            else
            {
                literal.Append(c);
            }
        }

        pieces.Add(Expression.Constant(literal.ToString()));
        return ok ? Concat(pieces) : null;
    }

    /// <summary>
    /// Whether a value rendered as text (a reason part, a personalisation value) is one value of the language:
    /// text, a number, true/false, a date, time, instant, annual date, period, duration or a choice. A whole fact
    /// or a list would be rendered as a .NET dump, so it is ER1015 with the way out. A value that may be
    /// missing is rendered as empty text.
    /// </summary>
    private bool Renderable(Type type, SyntaxNode at, string what)
    {
        var single = Nullable.GetUnderlyingType(type) ?? type;
        if (LanguageTypes.IsScalar(single) || LanguageTypes.IsTextValue(single))
        {
            return true;
        }

        var written = at is ScalarSyntax scalar ? scalar.Value.Trim() : "x";
        var hint = LanguageTypes.ListElement(type) is { } element
            ? $"a list of {LanguageTypes.Describe(element)}; render one value instead, e.g. the number of items with a count aggregate"
            : RenderableField(single) is { } field
                ? $"a whole {single.Name}; render one of its fields, e.g. {written}.{field}"
                : $"{LanguageTypes.WithArticle(single.Name)}, which has no text form; render one value instead";
        _reader.Error(DiagnosticCodes.WrongValueType, at, $"{what} is rendered as text, so it must be a single value (text, number, true/false, date, time, instant, period, duration or a choice), but this is {hint}.");
        return false;
    }

    /// <summary>A field of a record that renders as text, a name if it has one, camelCase as rule text writes it.</summary>
    private static string? RenderableField(Type recordType)
    {
        var fields = recordType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Where(p => p.PropertyType == typeof(string) || LanguageTypes.IsTextValue(p.PropertyType))
            .Select(p => p.Name)
            .ToList();
        var field = fields.FirstOrDefault(f => f.EndsWith("Name", StringComparison.Ordinal)) ?? fields.FirstOrDefault();
        return field is null ? null : char.ToLowerInvariant(field[0]) + field[1..];
    }

    /// <summary>
    /// The '}' that ends a reason part starting at <paramref name="start"/>, skipping quoted text of the expression
    /// (so <c>{lower('A}B')}</c> is one part); with an unclosed quote, the first '}' (the compiler then reports the quote).
    /// </summary>
    private static int ClosingBrace(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '}')
            {
                return i;
            }

            if (c is '\'' or '"')
            {
                var end = i + 1;
                while (end < text.Length && text[end] != c)
                {
                    end += text[end] == '\\' ? 2 : 1;
                }

                if (end >= text.Length)
                {
                    return text.IndexOf('}', start);
                }

                i = end;
            }
        }

        return -1;
    }

    /// <summary>The pieces joined, as string.Concat would join them, without the empty literals.</summary>
    private static Expression Concat(List<Expression> pieces)
    {
        // Concat skips empty parts and reads null as empty: dropping the empty literals and calling a fixed-count
        // overload gives the same text as the array overload (a lone value keeps the null-as-empty rule).
        var parts = pieces.Where(p => p is not ConstantExpression { Value: "" }).ToList();
        return parts.Count switch
        {
            0 => Expression.Constant(string.Empty),
            1 => parts[0] is ConstantExpression ? parts[0] : Expression.Coalesce(parts[0], Expression.Constant(string.Empty)),
            < 9 => Expression.Call(ConcatByCount[parts.Count]!, parts),
            _ => Expression.Call(ConcatMethod, Expression.NewArrayInit(typeof(string), parts)),
        };
    }

    // Value types go to the generic overload (no box per formatted value), references to the object one.
    private static Expression Text(Expression value) =>
        value.Type == typeof(string) ? Expression.Coalesce(value, Expression.Constant(string.Empty))
        : value.Type.IsValueType ? Expression.Call(FormatValueMethod.MakeGenericMethod(value.Type), value)
        : Expression.Call(FormatMethod, value);
}

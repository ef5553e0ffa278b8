using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using Engagement.Rules.Yaml.Expressions.Functions;
using Engagement.Rules.Yaml.Expressions.Parsing;
using NodaTime;

namespace Engagement.Rules.Yaml.Expressions.Binding;

/// <content>Operators: logic, comparisons, between, in, arithmetic and ??.</content>
internal sealed partial class Binder
{
    private static readonly MethodInfo CompareOrdinal = typeof(string).GetMethod(nameof(string.CompareOrdinal), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo Concat = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo ListContains = typeof(ExpressionFunctions).GetMethods()
        .Single(m => m.Name == nameof(ExpressionFunctions.Contains) && m.IsGenericMethodDefinition);

    private static readonly Dictionary<BinaryOperator, MethodInfo> DoubleOperators = new()
    {
        [BinaryOperator.Add] = typeof(DoubleArithmetic).GetMethod(nameof(DoubleArithmetic.Add))!,
        [BinaryOperator.Subtract] = typeof(DoubleArithmetic).GetMethod(nameof(DoubleArithmetic.Subtract))!,
        [BinaryOperator.Multiply] = typeof(DoubleArithmetic).GetMethod(nameof(DoubleArithmetic.Multiply))!,
        [BinaryOperator.Divide] = typeof(DoubleArithmetic).GetMethod(nameof(DoubleArithmetic.Divide))!,
        [BinaryOperator.Remainder] = typeof(DoubleArithmetic).GetMethod(nameof(DoubleArithmetic.Remainder))!,
    };

    private BoundExpression? BindUnary(UnarySyntax unary, ImmutableHashSet<string> facts)
    {
        // The smallest whole number has no positive counterpart: -9223372036854775808 is read as one literal.
        if (unary.Operator == UnaryOperator.Negate && unary.Operand is LiteralSyntax { Kind: LiteralKind.Integer, Text: "9223372036854775808" })
        {
            return Value(Expression.Constant(long.MinValue));
        }

        if (Bind(unary.Operand, facts) is not { } bound)
        {
            return null;
        }

        if (unary.Operator == UnaryOperator.Negate && bound.MayBeMissing
            && Nullable.GetUnderlyingType(bound.Expression.Type) is { } negatable && (LanguageTypes.IsNumeric(negatable) || negatable == typeof(Duration)))
        {
            // '-' binds tighter than '??': '-x ?? 0' negates x before the default applies, so the default goes inside.
            var shown = bound.Path ?? _text[unary.Operand.Start..unary.Operand.End];
            return Fail(
                ExpressionDiagnosticCodes.MayBeMissing,
                unary.Operand.Start,
                $"The field '{shown[(shown.LastIndexOf('.') + 1)..]}' may be missing, and '-' applies before '??': write -({shown} ?? <default>), or test has({shown}) first.");
        }

        if (Present(bound, unary.Operand) is not { } operand)
        {
            return null;
        }

        if (unary.Operator == UnaryOperator.Not)
        {
            return operand.Type == typeof(bool)
                ? Value(Expression.Not(operand))
                : Fail(ExpressionDiagnosticCodes.TypeMismatch, unary.Start, $"'not' needs a condition (true/false), not {LanguageTypes.WithArticle(operand.Type)}.");
        }

        if (LanguageTypes.IsNumeric(operand.Type) || operand.Type == typeof(Duration) || operand.Type == typeof(Period))
        {
            // Checked: negating the smallest whole number fails the rule instead of silently wrapping.
            return Value(operand.Type == typeof(int) || operand.Type == typeof(long) ? Expression.NegateChecked(operand) : Expression.Negate(operand));
        }

        return Fail(ExpressionDiagnosticCodes.TypeMismatch, unary.Start, $"'-' needs a number or a duration, not {LanguageTypes.WithArticle(operand.Type)}.");
    }

    private BoundExpression? BindBinary(BinarySyntax binary, ImmutableHashSet<string> facts)
    {
        switch (binary.Operator)
        {
            case BinaryOperator.And:
            case BinaryOperator.Or:
                return BindLogic(binary, facts);
            case BinaryOperator.Coalesce:
                return BindCoalesce(binary, facts);
            case BinaryOperator.Equal:
            case BinaryOperator.NotEqual:
            case BinaryOperator.Less:
            case BinaryOperator.LessOrEqual:
            case BinaryOperator.Greater:
            case BinaryOperator.GreaterOrEqual:
                return BindPair(binary.Left, binary.Right, facts) is var (left, right)
                    ? Compare(binary.Operator, left, right, binary.OperatorStart, binary.Left, binary.Right) is { } compared ? Value(compared) : null
                    : null;
            default:
                return BindArithmetic(binary, facts);
        }
    }

    private BoundExpression? BindLogic(BinarySyntax binary, ImmutableHashSet<string> facts)
    {
        var and = binary.Operator == BinaryOperator.And;
        var left = BindValue(binary.Left, facts);
        var rightFacts = facts.Union(and ? FlowFacts.WhenTrue(binary.Left) : FlowFacts.WhenFalse(binary.Left));
        var right = BindValue(binary.Right, rightFacts);
        if (left is null || right is null)
        {
            return null;
        }

        var word = and ? "and" : "or";
        if (left.Type != typeof(bool))
        {
            return Fail(ExpressionDiagnosticCodes.TypeMismatch, binary.Left.Start, $"'{word}' combines conditions (true/false); this is {LanguageTypes.WithArticle(left.Type)}.");
        }

        if (right.Type != typeof(bool))
        {
            return Fail(ExpressionDiagnosticCodes.TypeMismatch, binary.Right.Start, $"'{word}' combines conditions (true/false); this is {LanguageTypes.WithArticle(right.Type)}.");
        }

        return Value(and ? Expression.AndAlso(left, right) : Expression.OrElse(left, right));
    }

    /// <summary>
    /// Binds two operands; a bare name that is not declared takes the other side's enum type, so that
    /// <c>customer.status == Active</c> reads <c>Active</c> as a member of the status enum.
    /// </summary>
    private (Expression Left, Expression Right)? BindPair(ExpressionSyntax leftSyntax, ExpressionSyntax rightSyntax, ImmutableHashSet<string> facts)
    {
        Expression? left;
        Expression? right;
        if (IsBareUnknownName(leftSyntax) && !IsBareUnknownName(rightSyntax))
        {
            right = BindValue(rightSyntax, facts);
            left = right is null ? null : BindValue(leftSyntax, facts, right.Type);
        }
        else
        {
            left = BindValue(leftSyntax, facts);
            right = left is null ? null : BindValue(rightSyntax, facts, left.Type);
        }

        return left is null || right is null ? null : (left, right);
    }

    private bool IsBareUnknownName(ExpressionSyntax syntax) =>
        syntax is NameSyntax name && !_scope.Declarations.ContainsKey(name.Name);

    private BinaryExpression? Compare(BinaryOperator op, Expression left, Expression right, int operatorStart, ExpressionSyntax leftSyntax, ExpressionSyntax rightSyntax)
    {
        if (!Unify(ref left, ref right))
        {
            if ((left.Type.IsEnum && right.Type == typeof(string)) || (right.Type.IsEnum && left.Type == typeof(string)))
            {
                var enumType = left.Type.IsEnum ? left.Type : right.Type;
                var textSide = left.Type == typeof(string) ? leftSyntax : rightSyntax;
                var members = Enum.GetNames(enumType);
                var quoted = textSide is LiteralSyntax { Kind: LiteralKind.String } lit ? lit.Text[1..^1] : null;
                var advice = quoted is not null && members.Contains(quoted, StringComparer.Ordinal)
                    ? $"write {quoted} without quotes"
                    : $"write one of {string.Join(", ", members)} without quotes";
                Error(ExpressionDiagnosticCodes.TextComparedToEnum, textSide.Start, $"Text cannot be compared with {LanguageTypes.WithArticle(enumType.Name)}; {advice}.");
                return null;
            }

            Error(
                ExpressionDiagnosticCodes.TypeMismatch,
                operatorStart,
                $"Cannot compare {LanguageTypes.WithArticle(left.Type)} with {LanguageTypes.WithArticle(right.Type)}.{FieldHint(left.Type, right.Type)}{FieldHint(right.Type, left.Type)}");
            return null;
        }

        var type = left.Type;
        if (op is BinaryOperator.Equal or BinaryOperator.NotEqual)
        {
            if (LanguageTypes.ListElement(type) is not null)
            {
                Error(ExpressionDiagnosticCodes.TypeMismatch, operatorStart, "Lists cannot be compared with ==; use contains(list, value) or count(list).");
                return null;
            }

            if (type.IsValueType && LanguageTypes.IsRecord(type) && type.GetMethod("op_Equality", [type, type]) is null)
            {
                Error(ExpressionDiagnosticCodes.TypeMismatch, operatorStart, $"A {type.Name} defines no equality, so it cannot be compared with ==; compare its fields.");
                return null;
            }

            // A plain == node (string's == is ordinal): the engine recognises it and hash-indexes joins on it.
            return op == BinaryOperator.Equal ? Expression.Equal(left, right) : Expression.NotEqual(left, right);
        }

        if (type == typeof(string))
        {
            var compare = Expression.Call(CompareOrdinal, left, right);
            return Ordering(op, compare, Expression.Constant(0));
        }

        if (type == typeof(bool) || type.IsEnum || !(LanguageTypes.IsScalar(type) && HasOrdering(type)))
        {
            Error(ExpressionDiagnosticCodes.TypeMismatch, operatorStart, $"A {LanguageTypes.Short(type)} has no order; only == and != compare it.");
            return null;
        }

        return Ordering(op, left, right);
    }

    /// <summary>A hint naming the fields of a record that have the other side's type (a VIN compared with text).</summary>
    private static string FieldHint(Type record, Type other)
    {
        if (!LanguageTypes.IsRecord(record))
        {
            return string.Empty;
        }

        var fields = record.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == other && p.GetIndexParameters().Length == 0)
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])
            .Order(StringComparer.Ordinal)
            .ToArray();
        return fields.Length switch
        {
            0 => string.Empty,
            1 => $" Compare its field instead: .{fields[0]}.",
            _ => $" Compare one of its fields instead: {string.Join(", ", fields.Select(f => "." + f))}.",
        };
    }

    private static bool HasOrdering(Type type) =>
        LanguageTypes.IsNumeric(type) || type == typeof(LocalDate) || type == typeof(LocalTime) || type == typeof(Instant)
        || type == typeof(AnnualDate) || type == typeof(Duration);

    private static BinaryExpression Ordering(BinaryOperator op, Expression left, Expression right) => op switch
    {
        BinaryOperator.Less => Expression.LessThan(left, right),
        BinaryOperator.LessOrEqual => Expression.LessThanOrEqual(left, right),
        BinaryOperator.Greater => Expression.GreaterThan(left, right),
        _ => Expression.GreaterThanOrEqual(left, right),
    };

    /// <summary>Brings two operands to one type (numeric widening); false when their types differ otherwise.</summary>
    private static bool Unify(ref Expression left, ref Expression right)
    {
        if (left.Type == right.Type)
        {
            return true;
        }

        if (LanguageTypes.IsNumeric(left.Type) && LanguageTypes.IsNumeric(right.Type))
        {
            var wider = LanguageTypes.WiderNumeric(left.Type, right.Type);
            left = left.Type == wider ? left : Expression.Convert(left, wider);
            right = right.Type == wider ? right : Expression.Convert(right, wider);
            return true;
        }

        return false;
    }

    private BoundExpression? BindBetween(BetweenSyntax between, ImmutableHashSet<string> facts)
    {
        var value = BindValue(between.Value, facts);
        if (value is null)
        {
            return null;
        }

        var low = BindValue(between.Low, facts, value.Type);
        var high = BindValue(between.High, facts, value.Type);
        if (low is null || high is null)
        {
            return null;
        }

        return Shared(value, v =>
            Compare(BinaryOperator.GreaterOrEqual, v, low, between.OperatorStart, between.Value, between.Low) is { } lower
            && Compare(BinaryOperator.LessOrEqual, v, high, between.OperatorStart, between.Value, between.High) is { } upper
                ? Expression.AndAlso(lower, upper)
                : null);
    }

    private BoundExpression? BindIn(InSyntax @in, ImmutableHashSet<string> facts)
    {
        if (IsBareUnknownName(@in.Value) && @in.Collection is not ListSyntax)
        {
            // Offer in kinds: the member is read against the list's enum element type.
            var field = BindValue(@in.Collection, facts);
            var hint = field is null ? null : LanguageTypes.ListElement(field.Type);
            if (field is null || BindValue(@in.Value, facts, hint) is not { } member)
            {
                return null;
            }

            var contains = BindListContains(@in, member, field);
            return contains is null ? null : @in.Negated ? Value(Expression.Not(contains.Expression)) : contains;
        }

        var value = BindValue(@in.Value, facts);
        if (value is null)
        {
            return null;
        }

        BoundExpression? result;
        if (@in.Collection is ListSyntax list)
        {
            if (list.Items.Count == 0)
            {
                return Fail(ExpressionDiagnosticCodes.InvalidList, list.Start, "The list is empty, so 'in' could never be true; list the values to match.");
            }

            var items = new List<(Expression Item, ExpressionSyntax Syntax)>();
            foreach (var itemSyntax in list.Items)
            {
                if (BindValue(itemSyntax, facts, value.Type) is not { } item)
                {
                    return null;
                }

                items.Add((item, itemSyntax));
            }

            result = Shared(value, v =>
            {
                Expression? any = null;
                foreach (var (item, syntax) in items)
                {
                    if (Compare(BinaryOperator.Equal, v, item, syntax.Start, @in.Value, syntax) is not { } equal)
                    {
                        return null;
                    }

                    any = any is null ? equal : Expression.OrElse(any, equal);
                }

                return any;
            });
        }
        else
        {
            if (BindValue(@in.Collection, facts) is not { } collection)
            {
                return null;
            }

            result = BindListContains(@in, value, collection);
        }

        return result is null ? null : @in.Negated ? Value(Expression.Not(result.Expression)) : result;
    }

    private BoundExpression? BindListContains(InSyntax @in, Expression value, Expression collection)
    {
        if (LanguageTypes.ListElement(collection.Type) is not { } element)
        {
            return Fail(ExpressionDiagnosticCodes.TypeMismatch, @in.Collection.Start, $"'in' needs a list [a, b, ...] or a list field, not {LanguageTypes.WithArticle(collection.Type)}.");
        }

        var item = value.Type == element ? value : LanguageTypes.Widens(value.Type, element) ? Expression.Convert(value, element) : null;
        if (item is null)
        {
            return Fail(ExpressionDiagnosticCodes.TypeMismatch, @in.Value.Start, $"{Capitalized(LanguageTypes.WithArticle(value.Type))} cannot be in {LanguageTypes.WithArticle(LanguageTypes.Describe(collection.Type))}.");
        }

        return Value(Expression.Call(ListContains.MakeGenericMethod(element), collection, item));
    }

    /// <summary>
    /// Builds <paramref name="build"/> over a value used several times: a plain path or constant is
    /// repeated (cheap, and keeps the tree simple for the engine), anything else is evaluated once into a local.
    /// </summary>
    private static BoundExpression? Shared(Expression value, Func<Expression, Expression?> build)
    {
        if (IsSimple(value))
        {
            return build(value) is { } simple ? Value(simple) : null;
        }

        var local = Expression.Variable(value.Type, "value");
        return build(local) is { } body
            ? Value(Expression.Block(typeof(bool), [local], Expression.Assign(local, value), body))
            : null;
    }

    private static bool IsSimple(Expression expression) => expression switch
    {
        ParameterExpression or ConstantExpression => true,
        MemberExpression member => member.Expression is null || IsSimple(member.Expression),
        UnaryExpression { NodeType: ExpressionType.Convert } convert => IsSimple(convert.Operand),
        _ => false,
    };

    private BoundExpression? BindCoalesce(BinarySyntax binary, ImmutableHashSet<string> facts)
    {
        if (Bind(binary.Left, facts) is not { } left)
        {
            return null;
        }

        var valueType = left.ValueType;
        var fallback = Bind(binary.Right, facts, valueType);
        if (fallback is null)
        {
            return null;
        }

        if (!left.MayBeMissing)
        {
            Warning(ExpressionDiagnosticCodes.NeverMissing, binary.OperatorStart, $"'{_text[binary.Left.Start..binary.Left.End]}' is never missing, so '?? ...' is never used; remove it.");
            return left;
        }

        var right = fallback.Expression;
        var rightType = fallback.ValueType;
        Expression leftExpression = left.Expression;
        if (rightType != valueType)
        {
            if (LanguageTypes.Widens(rightType, valueType))
            {
                right = Expression.Convert(right, fallback.MayBeMissing ? typeof(Nullable<>).MakeGenericType(valueType) : valueType);
            }
            else if (LanguageTypes.Widens(valueType, rightType))
            {
                leftExpression = Expression.Convert(leftExpression, typeof(Nullable<>).MakeGenericType(rightType));
                valueType = rightType;
            }
            else
            {
                return Fail(ExpressionDiagnosticCodes.TypeMismatch, binary.Right.Start, $"The default after ?? must be {LanguageTypes.WithArticle(valueType)}, like the value before it; this is {LanguageTypes.WithArticle(rightType)}.");
            }
        }

        if (fallback.MayBeMissing)
        {
            // a ?? b where b may be missing too: still missing, and stays nullable.
            if (right.Type != leftExpression.Type)
            {
                right = Expression.Convert(right, leftExpression.Type);
            }

            return new BoundExpression(Expression.Coalesce(leftExpression, right), true, null);
        }

        return Value(Expression.Coalesce(leftExpression, right));
    }

    private BoundExpression? BindArithmetic(BinarySyntax binary, ImmutableHashSet<string> facts)
    {
        var left = BindValue(binary.Left, facts);
        if (left is null)
        {
            return null;
        }

        // A quantity next to an instant is a fixed duration (days and weeks count 24 hours a day); next to a
        // time of day, hours, minutes and seconds are a period of time (dates and times never mix units).
        Expression? right;
        if (binary.Right is QuantitySyntax quantity && left.Type == typeof(Instant))
        {
            right = BindQuantity(quantity, asDuration: true)?.Expression;
        }
        else if (binary.Right is QuantitySyntax timeQuantity && left.Type == typeof(LocalTime))
        {
            right = BindTimePeriod(timeQuantity);
        }
        else
        {
            right = BindValue(binary.Right, facts);
        }

        if (right is null)
        {
            return null;
        }

        var symbol = binary.Operator switch
        {
            BinaryOperator.Add => "+",
            BinaryOperator.Subtract => "-",
            BinaryOperator.Multiply => "*",
            BinaryOperator.Divide => "/",
            _ => "%",
        };
        var type = ExpressionType.Add;
        switch (binary.Operator)
        {
            case BinaryOperator.Subtract: type = ExpressionType.Subtract; break;
            case BinaryOperator.Multiply: type = ExpressionType.Multiply; break;
            case BinaryOperator.Divide: type = ExpressionType.Divide; break;
            case BinaryOperator.Remainder: type = ExpressionType.Modulo; break;
        }

        if (LanguageTypes.IsNumeric(left.Type) && LanguageTypes.IsNumeric(right.Type))
        {
            Unify(ref left, ref right);

            // Floating-point division by zero and overflow fail the rule at run time, as whole numbers do,
            // instead of giving Infinity or NaN (with which every comparison is silently false).
            if (left.Type == typeof(double))
            {
                return Value(Expression.Call(DoubleOperators[binary.Operator], left, right));
            }

            // Whole-number overflow fails the rule at run time instead of silently wrapping around.
            var integral = left.Type == typeof(int) || left.Type == typeof(long);
            var checkedType = integral
                ? type switch
                {
                    ExpressionType.Add => ExpressionType.AddChecked,
                    ExpressionType.Subtract => ExpressionType.SubtractChecked,
                    ExpressionType.Multiply => ExpressionType.MultiplyChecked,
                    _ => type,
                }
                : type;
            return Value(Expression.MakeBinary(checkedType, left, right));
        }

        if (binary.Operator == BinaryOperator.Add && left.Type == typeof(string) && right.Type == typeof(string))
        {
            return Value(Expression.Call(Concat, left, right));
        }

        if (binary.Operator == BinaryOperator.Subtract && left.Type == typeof(LocalDate) && right.Type == typeof(LocalDate))
        {
            return Fail(
                ExpressionDiagnosticCodes.DateSubtraction,
                binary.OperatorStart,
                "Dates cannot be subtracted directly; use daysBetween(start, end), or daysSince/monthsSince/yearsSince for a date before today.");
        }

        if (binary.Operator is BinaryOperator.Add or BinaryOperator.Subtract
            && (IsTimeArithmetic(binary.Operator, left.Type, right.Type) || (left.Type == typeof(LocalTime) && binary.Right is QuantitySyntax)))
        {
            return Value(Expression.MakeBinary(type, left, right));
        }

        if (left.Type == typeof(Instant) && right.Type == typeof(Period))
        {
            return Fail(ExpressionDiagnosticCodes.PeriodNotFixed, binary.Right.Start, "A period of months or years has no fixed length, so it cannot be added to an instant; use days or hours, or work on date(now()).");
        }

        return Fail(ExpressionDiagnosticCodes.TypeMismatch, binary.OperatorStart, $"'{symbol}' cannot combine {LanguageTypes.WithArticle(left.Type)} and {LanguageTypes.WithArticle(right.Type)}.");
    }

    private ConstantExpression? BindTimePeriod(QuantitySyntax quantity)
    {
        if (!int.TryParse(quantity.Number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n > 1_000_000)
        {
            Error(ExpressionDiagnosticCodes.InvalidLiteral, quantity.Start, $"The quantity {quantity.Number} {quantity.Unit} is too large.");
            return null;
        }

        var period = quantity.Unit.TrimEnd('s') switch
        {
            "hour" => Period.FromHours(n),
            "minute" => Period.FromMinutes(n),
            "second" => Period.FromSeconds(n),
            _ => null,
        };
        if (period is null)
        {
            Error(ExpressionDiagnosticCodes.TypeMismatch, quantity.UnitStart, $"A time of day moves by hours, minutes or seconds, not by {quantity.Unit}.");
            return null;
        }

        // Typed as a period of time, which LocalTime's own + and - accept (wrapping around midnight).
        return Expression.Constant(period);
    }

    /// <summary>The date and time arithmetic the language allows (NodaTime's own operators).</summary>
    private static bool IsTimeArithmetic(BinaryOperator op, Type left, Type right) =>
        (op == BinaryOperator.Subtract && left == typeof(Instant) && right == typeof(Instant))
        || (left == typeof(LocalDate) && right == typeof(Period))
        || (left == typeof(Instant) && right == typeof(Duration))
        || (left == typeof(Duration) && right == typeof(Duration))
        || (left == typeof(Period) && right == typeof(Period));
}

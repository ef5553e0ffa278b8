using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Expressions.Functions;
using Engagement.Rules.Yaml.Expressions.Parsing;
using Engagement.Rules.Yaml.Syntax;
using NodaTime;
using NodaTime.Text;

namespace Engagement.Rules.Yaml.Expressions.Binding;

/// <summary>
/// Type-checks a syntax tree against the scope and builds its System.Linq.Expressions body in one pass.
/// Every problem is reported at the offending token; a node with an error binds to null and its parents
/// stop there (one error per cause, no cascades).
/// </summary>
internal sealed partial class Binder
{
    private static readonly LocalTimePattern ShortTime = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalTimePattern LongTime = LocalTimePattern.CreateWithInvariantCulture("HH:mm:ss");

    private readonly string _text;
    private readonly ScalarPositions _positions;
    private readonly ExpressionScope _scope;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<Declaration, ParameterExpression> _parameters = new();
    private readonly List<Declaration> _used = new();

    public Binder(string text, ScalarPositions positions, ExpressionScope scope, DiagnosticBag diagnostics)
    {
        _text = text;
        _positions = positions;
        _scope = scope;
        _diagnostics = diagnostics;
    }

    /// <summary>The declarations used, in order of first use.</summary>
    public IReadOnlyList<Declaration> Declarations => _used;

    /// <summary>The parameters, one per declaration used, in the same order.</summary>
    public IReadOnlyList<ParameterExpression> Parameters => _used.Select(d => _parameters[d]).ToArray();

    /// <summary>Binds <paramref name="syntax"/>.</summary>
    /// <param name="syntax">The node.</param>
    /// <param name="facts">The paths known to be present here.</param>
    /// <param name="enumHint">The enum type a bare name may be a member of, when the node is compared with one.</param>
    /// <returns>The bound node, or null after reporting an error.</returns>
    public BoundExpression? Bind(ExpressionSyntax syntax, ImmutableHashSet<string> facts, Type? enumHint = null)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            Error(ExpressionDiagnosticCodes.ExpressionTooComplex, syntax.Start, "The expression is too complex to check; split it into named conditions or lets.");
            return null;
        }

        return syntax switch
        {
            LiteralSyntax literal => BindLiteral(literal),
            QuantitySyntax quantity => BindQuantity(quantity, asDuration: false),
            NameSyntax name => BindName(name, facts, enumHint),
            MemberSyntax member => BindMember(member, facts),
            CallSyntax call => BindCall(call, facts),
            UnarySyntax unary => BindUnary(unary, facts),
            BinarySyntax binary => BindBinary(binary, facts),
            BetweenSyntax between => BindBetween(between, facts),
            InSyntax @in => BindIn(@in, facts),
            ListSyntax list => Fail(ExpressionDiagnosticCodes.InvalidList, list.Start, "A list [...] can only follow 'in', as in: kind in [Reminder, Offer]."),
            _ => Fail(ExpressionDiagnosticCodes.InternalError, syntax.Start, "Unknown syntax node."),
        };
    }

    /// <summary>Binds a node whose value must be present, reporting a value that may be missing.</summary>
    public Expression? BindValue(ExpressionSyntax syntax, ImmutableHashSet<string> facts, Type? enumHint = null) =>
        Bind(syntax, facts, enumHint) is { } bound ? Present(bound, syntax) : null;

    /// <summary>The expression of a present value, or an error for one that may be missing.</summary>
    public Expression? Present(BoundExpression bound, ExpressionSyntax syntax)
    {
        if (!bound.MayBeMissing)
        {
            return bound.Expression;
        }

        var shown = bound.Path ?? _text[syntax.Start..syntax.End];
        var field = bound.Path is { } path ? path[(path.LastIndexOf('.') + 1)..] : shown;
        Error(
            ExpressionDiagnosticCodes.MayBeMissing,
            syntax.Start,
            $"The field '{field}' may be missing: test has({shown}) first (e.g. has({shown}) and ...) or use {shown} ?? <default>.");
        return null;
    }

    public void Error(string code, int offset, string message) =>
        _diagnostics.Error(code, Locate(offset), message, _scope.RuleId);

    public void Warning(string code, int offset, string message) =>
        _diagnostics.Warning(code, Locate(offset), message, _scope.RuleId);

    /// <summary>The file location of an offset inside the scalar.</summary>
    public SourceLocation Locate(int offset) => _positions.Locate(Math.Clamp(offset, 0, _text.Length));

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private BoundExpression? Fail(string code, int offset, string message)
    {
        Error(code, offset, message);
        return null;
    }

    private ParameterExpression Use(Declaration declaration)
    {
        if (!_parameters.TryGetValue(declaration, out var parameter))
        {
            parameter = Expression.Parameter(declaration.Type, declaration.Name);
            _parameters.Add(declaration, parameter);
            _used.Add(declaration);
        }

        return parameter;
    }

    private ParameterExpression Context() => Use(_scope.Context);

    private static BoundExpression Value(Expression expression) => new(expression, false, null);

    private BoundExpression? BindLiteral(LiteralSyntax literal)
    {
        switch (literal.Kind)
        {
            case LiteralKind.True:
                return Value(Expression.Constant(true));
            case LiteralKind.False:
                return Value(Expression.Constant(false));
            case LiteralKind.String:
                return Unescape(literal) is { } text ? Value(Expression.Constant(text, typeof(string))) : null;
            case LiteralKind.Integer:
                if (int.TryParse(literal.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var i))
                {
                    return Value(Expression.Constant(i));
                }

                if (long.TryParse(literal.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var l))
                {
                    return Value(Expression.Constant(l));
                }

                return Fail(ExpressionDiagnosticCodes.InvalidLiteral, literal.Start, $"The number {Abbreviate(literal.Text)} is too large; whole numbers go up to {long.MaxValue.ToString(CultureInfo.InvariantCulture)}.");
            case LiteralKind.Decimal:
                return decimal.TryParse(literal.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
                    ? Value(Expression.Constant(d))
                    : Fail(ExpressionDiagnosticCodes.InvalidLiteral, literal.Start, $"The number {Abbreviate(literal.Text)} is out of range.");
            case LiteralKind.Date:
                var date = LocalDatePattern.Iso.Parse(literal.Text);
                return date.Success
                    ? Value(Expression.Constant(date.Value))
                    : Fail(ExpressionDiagnosticCodes.InvalidLiteral, literal.Start, $"{literal.Text} is not a valid date; write dates as year-month-day, e.g. 2026-03-01.");
            case LiteralKind.Time:
                var time = (literal.Text.Length == 5 ? ShortTime : LongTime).Parse(literal.Text);
                return time.Success
                    ? Value(Expression.Constant(time.Value))
                    : Fail(ExpressionDiagnosticCodes.InvalidLiteral, literal.Start, $"{literal.Text} is not a valid time of day; write hours:minutes from 00:00 to 23:59, e.g. 08:30.");
            default:
                return Fail(
                    ExpressionDiagnosticCodes.NullNotSupported,
                    literal.Start,
                    "There is no null in rule expressions: test whether a field is present with has(x.field), or give a default with x.field ?? value.");
        }
    }

    private BoundExpression? BindQuantity(QuantitySyntax quantity, bool asDuration)
    {
        if (!int.TryParse(quantity.Number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 1_000_000)
        {
            return Fail(ExpressionDiagnosticCodes.InvalidLiteral, quantity.Start, $"The quantity {Abbreviate(quantity.Number)} {quantity.Unit} is too large.");
        }

        var unit = quantity.Unit.TrimEnd('s');

        // Calendar quantities beyond the calendar's own range (years up to 9999) can only fail at run time.
        var most = unit switch { "year" => 9_999, "month" => 9_999 * 12, "week" => 9_999 * 52, _ => 1_000_000 };
        if (n > most)
        {
            return Fail(
                ExpressionDiagnosticCodes.InvalidLiteral,
                quantity.Start,
                $"The quantity {quantity.Number} {quantity.Unit} is too large; at most {most.ToString(CultureInfo.InvariantCulture)} {unit}s.");
        }

        if (asDuration)
        {
            return unit switch
            {
                "week" => Value(Expression.Constant(Duration.FromDays(7 * n))),
                "day" => Value(Expression.Constant(Duration.FromDays(n))),
                "hour" => Value(Expression.Constant(Duration.FromHours(n))),
                "minute" => Value(Expression.Constant(Duration.FromMinutes(n))),
                "second" => Value(Expression.Constant(Duration.FromSeconds(n))),
                _ => Fail(
                    ExpressionDiagnosticCodes.PeriodNotFixed,
                    quantity.UnitStart,
                    $"{Capitalized(unit)}s have no fixed length, so they cannot be added to an instant; work on dates instead, e.g. date(now()) + {quantity.Number} {quantity.Unit}."),
            };
        }

        return unit switch
        {
            "year" => Value(Expression.Constant(Period.FromYears(n))),
            "month" => Value(Expression.Constant(Period.FromMonths(n))),
            "week" => Value(Expression.Constant(Period.FromWeeks(n))),
            "day" => Value(Expression.Constant(Period.FromDays(n))),
            "hour" => Value(Expression.Constant(Duration.FromHours(n))),
            "minute" => Value(Expression.Constant(Duration.FromMinutes(n))),
            _ => Value(Expression.Constant(Duration.FromSeconds(n))),
        };
    }

    private string? Unescape(LiteralSyntax literal)
    {
        var raw = literal.Text;
        var builder = new StringBuilder(raw.Length);
        for (var i = 1; i < raw.Length - 1; i++)
        {
            var c = raw[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            var e = raw[++i];
            switch (e)
            {
                case '\\': builder.Append('\\'); break;
                case '"': builder.Append('"'); break;
                case '\'': builder.Append('\''); break;
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case 'u' when i + 4 < raw.Length - 1 && ushort.TryParse(raw.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                default:
                    Error(
                        ExpressionDiagnosticCodes.InvalidEscape,
                        literal.Start + i - 1,
                        $"Unknown escape '\\{e}' in text; use \\\\, \\\", \\', \\n, \\t, \\r or \\uXXXX.");
                    return null;
            }
        }

        return builder.ToString();
    }

    private BoundExpression? BindName(NameSyntax name, ImmutableHashSet<string> facts, Type? enumHint)
    {
        if (_scope.Declarations.TryGetValue(name.Name, out var declaration))
        {
            if (PoisonedName.Is(declaration))
            {
                // Its declaration's error is reported; a second one here would be a cascade.
                return null;
            }

            Expression parameter = Use(declaration);
            var nullableValue = Nullable.GetUnderlyingType(declaration.Type) is not null;
            var missing = nullableValue || (!declaration.Type.IsValueType && _scope.MaybeMissing.Contains(name.Name));
            if (missing && facts.Contains(name.Name))
            {
                if (nullableValue)
                {
                    parameter = Expression.Call(parameter, declaration.Type.GetMethod(nameof(Nullable<int>.GetValueOrDefault), Type.EmptyTypes)!);
                }

                missing = false;
            }

            return new BoundExpression(parameter, missing, name.Name);
        }

        if (enumHint is not null && !enumHint.IsEnum && LanguageTypes.IsRecord(enumHint))
        {
            // Well-wellKnownValues values of an open set, e.g. TouchKind.Reminder: public static properties of the type itself.
            var wellKnownValues = enumHint.GetProperties(BindingFlags.Public | BindingFlags.Static)
                .Where(p => p.PropertyType == enumHint && p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
                .ToArray();
            if (wellKnownValues.FirstOrDefault(p => string.Equals(p.Name, name.Name, StringComparison.Ordinal)) is { } match)
            {
                return Value(Expression.Property(null, match));
            }

            if (wellKnownValues.Length > 0)
            {
                var valueNames = wellKnownValues.Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
                return Fail(
                    ExpressionDiagnosticCodes.UnknownEnumMember,
                    name.Start,
                    $"'{name.Name}' is not a known {enumHint.Name}; use one of {string.Join(", ", valueNames)}.{Suggestions.Hint(name.Name, valueNames)}");
            }
        }

        if (enumHint is { IsEnum: true })
        {
            var members = Enum.GetNames(enumHint);
            if (members.Contains(name.Name, StringComparer.Ordinal))
            {
                return Value(Expression.Constant(Enum.Parse(enumHint, name.Name), enumHint));
            }

            return Fail(
                ExpressionDiagnosticCodes.UnknownEnumMember,
                name.Start,
                $"'{name.Name}' is not {LanguageTypes.WithArticle(enumHint.Name)}; use one of {string.Join(", ", members)}.{Suggestions.Hint(name.Name, members)}");
        }

        if (FunctionCatalog.Names.Contains(name.Name, StringComparer.Ordinal))
        {
            return Fail(ExpressionDiagnosticCodes.UnknownName, name.Start, $"'{name.Name}' is a function; call it with parentheses, e.g. {name.Name}(...).");
        }

        if (_scope.ConditionNameMessage?.Invoke(name.Name) is { } conditionMessage)
        {
            return Fail(ExpressionDiagnosticCodes.UnknownName, name.Start, conditionMessage);
        }

        var names = _scope.Declarations.Keys.Order(StringComparer.Ordinal).ToArray();
        var known = names.Length == 0 ? "nothing is declared yet" : "the rule declares " + string.Join(", ", names);
        var enumNote = char.IsAsciiLetterUpper(name.Name[0])
            ? " An enum member such as this is only understood where it is compared with a field of its enum type (e.g. customer.status == Active)."
            : string.Empty;
        return Fail(
            ExpressionDiagnosticCodes.UnknownName,
            name.Start,
            $"Unknown name '{name.Name}'; {known}.{Suggestions.Hint(name.Name, names)}{enumNote}");
    }

    private BoundExpression? BindMember(MemberSyntax member, ImmutableHashSet<string> facts)
    {
        if (Bind(member.Target, facts) is not { } target)
        {
            return null;
        }

        var type = target.ValueType;
        if (!LanguageTypes.IsRecord(type))
        {
            var hint = type == typeof(LocalDate) ? " Use year(x), month(x), day(x) or dayOfWeek(x)."
                : type == typeof(string) ? " Use a text function with the text as argument, e.g. length(x), lower(x) or startsWith(x, 'A')."
                : string.Empty;
            return Fail(ExpressionDiagnosticCodes.NoFields, member.NameStart, $"{Capitalized(LanguageTypes.WithArticle(type))} has no fields, so '.{member.Name}' cannot be read.{hint}");
        }

        var fields = RecordFields.Of(type);
        var field = char.IsAsciiLetterLower(member.Name[0]) && fields.ByName.TryGetValue(member.Name, out var found) ? found : null;
        if (field is null)
        {
            return Fail(
                ExpressionDiagnosticCodes.UnknownField,
                member.NameStart,
                $"{type.Name} has no field '{member.Name}'; fields are written in camelCase.{Suggestions.Hint(member.Name, fields.UsableNames)} Its fields are: {string.Join(", ", fields.UsableNames)}.");
        }

        var property = field.Property;
        if (!field.Supported)
        {
            return Fail(
                ExpressionDiagnosticCodes.UnsupportedFieldType,
                member.NameStart,
                $"The field '{member.Name}' of {type.Name} has type {property.PropertyType.Name}, which rule expressions cannot use.");
        }

        var path = target.Path is { } p ? p + "." + member.Name : null;
        var nullable = field.MayBeMissing;
        Expression access;
        bool missing;
        if (target.MayBeMissing)
        {
            // The target is a nullable record: read through it only when it is there.
            var resultType = property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null
                ? typeof(Nullable<>).MakeGenericType(property.PropertyType)
                : property.PropertyType;
            var nullableStruct = Nullable.GetUnderlyingType(target.Expression.Type) is not null;
            var read = Expression.Property(
                nullableStruct ? Expression.Call(target.Expression, target.Expression.Type.GetMethod(nameof(Nullable<int>.GetValueOrDefault), Type.EmptyTypes)!) : target.Expression,
                property);
            Expression absent = nullableStruct
                ? Expression.Not(Expression.Property(target.Expression, nameof(Nullable<int>.HasValue)))
                : Expression.ReferenceEqual(target.Expression, Expression.Constant(null, target.Expression.Type));
            access = Expression.Condition(
                absent,
                Expression.Default(resultType),
                read.Type == resultType ? read : Expression.Convert(read, resultType));
            missing = true;
        }
        else
        {
            access = Expression.Property(target.Expression, property);
            missing = nullable;
        }

        if (missing && path is not null && facts.Contains(path))
        {
            if (Nullable.GetUnderlyingType(access.Type) is not null)
            {
                access = Expression.Call(access, access.Type.GetMethod(nameof(Nullable<int>.GetValueOrDefault), Type.EmptyTypes)!);
            }

            missing = false;
        }

        return new BoundExpression(LanguageTypes.ReadAsText(access), missing, path);
    }

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string Abbreviate(string text) => text.Length > 24 ? text[..24] + "..." : text;
}

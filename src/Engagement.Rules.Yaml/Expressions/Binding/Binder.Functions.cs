using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using Engagement.Rules.Yaml.Expressions.Functions;
using Engagement.Rules.Yaml.Expressions.Parsing;

namespace Engagement.Rules.Yaml.Expressions.Binding;

/// <content>Calls of catalogue functions and the has() presence test.</content>
internal sealed partial class Binder
{
    private static readonly Dictionary<string, string> Alternatives = new(StringComparer.OrdinalIgnoreCase)
    {
        ["default"] = "give a default with x.field ?? value",
        ["coalesce"] = "give a default with x.field ?? value",
        ["ifNull"] = "give a default with x.field ?? value",
        ["isNull"] = "test presence with has(x.field) (and 'not has(x.field)')",
        ["exists"] = "test presence with has(x.field)",
        ["isPresent"] = "test presence with has(x.field)",
        ["toLower"] = "use lower(text)",
        ["toUpper"] = "use upper(text)",
        ["size"] = "use count(list) or length(text)",
    };

    private BoundExpression? BindCall(CallSyntax call, ImmutableHashSet<string> facts)
    {
        if (call.Name == FunctionCatalog.Has)
        {
            return BindHas(call, facts);
        }

        if (!FunctionCatalog.TryGet(call.Name, out var overloads))
        {
            var hint = Alternatives.TryGetValue(call.Name, out var alternative)
                ? $" There is no {call.Name}(): {alternative}."
                : Suggestions.Hint(call.Name, FunctionCatalog.Names);
            return Fail(
                ExpressionDiagnosticCodes.UnknownFunction,
                call.Start,
                $"Unknown function '{call.Name}'.{hint} The functions are: {string.Join(", ", FunctionCatalog.Names)}.");
        }

        var arguments = new Expression[call.Arguments.Count];
        var failed = false;
        for (var i = 0; i < arguments.Length; i++)
        {
            // contains(kinds, Offer): a bare member name takes the enum type of the argument before it.
            var previous = i > 0 ? arguments[i - 1]?.Type : null;
            var hint = previous is null ? null : previous.IsEnum ? previous : LanguageTypes.ListElement(previous);
            var argument = BindValue(call.Arguments[i], facts, hint);
            failed |= argument is null;
            arguments[i] = argument!;
        }

        if (failed)
        {
            return null;
        }

        var signatures = FunctionCatalog.Signatures(call.Name);
        var sameArity = overloads.Where(o => FunctionCatalog.VisibleParameters(o).Length == arguments.Length).ToArray();
        if (sameArity.Length == 0)
        {
            return Fail(
                ExpressionDiagnosticCodes.WrongArgumentCount,
                call.Start,
                $"{call.Name} takes {Count(FunctionCatalog.VisibleParameters(overloads[0]).Length)}, not {arguments.Length}: {signatures}.");
        }

        MethodInfo? best = null;
        Expression[]? bestArguments = null;
        var bestCost = int.MaxValue;
        foreach (var overload in sameArity)
        {
            if (TryMatch(overload, arguments, out var method, out var converted, out var cost) && cost < bestCost)
            {
                best = method;
                bestArguments = converted;
                bestCost = cost;
            }
        }

        if (best is null)
        {
            // The argument to blame is the first one the closest overload cannot take (min(today(), now()): the instant).
            var mismatch = sameArity.Max(o => FirstMismatch(o, arguments));
            return Fail(
                ExpressionDiagnosticCodes.WrongArgumentType,
                call.Arguments[mismatch].Start,
                $"Argument {mismatch + 1} of {call.Name} is {LanguageTypes.WithArticle(arguments[mismatch].Type)}, which does not fit {signatures}.");
        }

        var all = FunctionCatalog.UsesContext(best) ? [.. bestArguments!, Context()] : bestArguments!;
        return Value(Expression.Call(best, all));
    }

    private BoundExpression? BindHas(CallSyntax call, ImmutableHashSet<string> facts)
    {
        if (call.Arguments.Count != 1)
        {
            return Fail(ExpressionDiagnosticCodes.WrongArgumentCount, call.Start, $"has takes 1 argument, not {call.Arguments.Count}: has(x.field).");
        }

        var argumentSyntax = call.Arguments[0];
        if (Bind(argumentSyntax, facts) is not { } argument)
        {
            return null;
        }

        if (!argument.MayBeMissing)
        {
            Warning(
                ExpressionDiagnosticCodes.NeverMissing,
                argumentSyntax.Start,
                $"'{_text[argumentSyntax.Start..argumentSyntax.End]}' is never missing (or is already tested), so has() is always true here; remove it.");
            return Value(Expression.Constant(true));
        }

        var expression = argument.Expression;
        return Value(Nullable.GetUnderlyingType(expression.Type) is not null
            ? Expression.Property(expression, nameof(Nullable<int>.HasValue))
            : Expression.ReferenceNotEqual(expression, Expression.Constant(null, expression.Type)));
    }

    private static bool TryMatch(MethodInfo overload, Expression[] arguments, out MethodInfo method, out Expression[] converted, out int cost)
    {
        method = overload;
        converted = new Expression[arguments.Length];
        cost = 0;
        if (overload.IsGenericMethodDefinition)
        {
            // Contains<T>(IReadOnlyList<T>, T) and Count<T>(IReadOnlyList<T>): T is the list's element type.
            if (LanguageTypes.ListElement(arguments[0].Type) is not { } element)
            {
                return false;
            }

            method = overload.MakeGenericMethod(element);
        }

        var parameters = FunctionCatalog.VisibleParameters(method);
        for (var i = 0; i < arguments.Length; i++)
        {
            var target = parameters[i].ParameterType;
            var argument = arguments[i];
            if (argument.Type == target)
            {
                converted[i] = argument;
            }
            else if (LanguageTypes.Widens(argument.Type, target))
            {
                converted[i] = Expression.Convert(argument, target);
                cost++;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private static int FirstMismatch(MethodInfo overload, Expression[] arguments)
    {
        var parameters = FunctionCatalog.VisibleParameters(overload);
        for (var i = 0; i < arguments.Length; i++)
        {
            var target = parameters[i].ParameterType;
            if (target.IsGenericParameter || target.ContainsGenericParameters)
            {
                if (i == 0 && LanguageTypes.ListElement(arguments[0].Type) is null)
                {
                    return 0;
                }

                continue;
            }

            if (arguments[i].Type != target && !LanguageTypes.Widens(arguments[i].Type, target))
            {
                return i;
            }
        }

        return arguments.Length - 1;
    }

    private static string Count(int n) => n == 1 ? "1 argument" : $"{n} arguments";
}

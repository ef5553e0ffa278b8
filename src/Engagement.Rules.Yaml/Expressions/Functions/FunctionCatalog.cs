using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Engagement.Rules.Evaluation;
using Engagement.Rules.Yaml.Expressions.Binding;

namespace Engagement.Rules.Yaml.Expressions.Functions;

/// <summary>
/// The fixed catalogue of functions: the public static methods of <see cref="ExpressionFunctions"/>, by
/// camelCase name, plus the special form <c>has(x)</c> which the binder handles itself.
/// </summary>
internal static class FunctionCatalog
{
    /// <summary>The name of the presence test, bound specially (it accepts values that may be missing).</summary>
    public const string Has = "has";

    private static readonly Dictionary<string, MethodInfo[]> Overloads = typeof(ExpressionFunctions)
        .GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
        .GroupBy(m => CamelCase(m.Name), StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.OrderBy(m => m.ToString(), StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    /// <summary>Every function name, sorted, including <c>has</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = Overloads.Keys.Append(Has).Order(StringComparer.Ordinal).ToArray();

    private static readonly ConcurrentDictionary<MethodInfo, ParameterInfo[]> Visible = new();

    private static readonly Dictionary<string, string> SignatureText = Overloads.ToDictionary(
        o => o.Key,
        o => string.Join(" or ", o.Value.Select(m => Signature(o.Key, m)).Distinct(StringComparer.Ordinal)),
        StringComparer.Ordinal);

    public static bool TryGet(string name, out MethodInfo[] overloads) => Overloads.TryGetValue(name, out overloads!);

    /// <summary>All signatures of a function, e.g. <c>month(date) or month(annual date)</c>.</summary>
    public static string Signatures(string name) => SignatureText[name];

    /// <summary>The parameters written in rule text (without the trailing evaluation context).</summary>
    public static ParameterInfo[] VisibleParameters(MethodInfo method) =>
        Visible.GetOrAdd(method, m => UsesContext(m) ? m.GetParameters()[..^1] : m.GetParameters());

    public static bool UsesContext(MethodInfo method)
    {
        var parameters = method.GetParameters();
        return parameters.Length > 0 && parameters[^1].ParameterType == typeof(EvaluationContext);
    }

    /// <summary>The signature as integrators read it, e.g. <c>daysUntil(date)</c>.</summary>
    public static string Signature(string name, MethodInfo method) =>
        $"{name}({string.Join(", ", VisibleParameters(method).Select(p => p.ParameterType.IsGenericParameter ? "value" : ParameterDescription(p.ParameterType)))})";

    private static string ParameterDescription(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? "list" : LanguageTypes.Describe(type);

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

using System;
using System.Collections.Generic;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Yaml.Expressions;

/// <summary>
/// The names an expression may use: the declarations bound so far in the rule (patterns, lets, aggregates),
/// by name. The hidden <see cref="Context"/> declaration (an <c>EvaluationContext</c> fact) gives
/// <c>today()</c> and <c>now()</c> their value; the loader adds its pattern to the rule when it is used.
/// </summary>
internal sealed class ExpressionScope
{
    public ExpressionScope(IReadOnlyDictionary<string, Declaration> declarations, Declaration context, string? ruleId)
    {
        Declarations = declarations;
        Context = context;
        RuleId = ruleId;
    }

    public IReadOnlyDictionary<string, Declaration> Declarations { get; }

    public Declaration Context { get; }

    public string? RuleId { get; }

    /// <summary>
    /// The declarations whose value may be missing although their type cannot say so: lets of a reference
    /// type compiled from a value that may be missing (<see cref="TypedExpression.MayBeMissing"/>). They need
    /// has() or ?? like a nullable field. (A let of a nullable value type, such as <c>LocalDate?</c>, is
    /// recognised from its type.)
    /// </summary>
    public IReadOnlySet<string> MaybeMissing { get; init; } = new HashSet<string>();

    /// <summary>
    /// The message for an unknown name that is a named condition (which an expression cannot use), or null for a
    /// name that is not one; unset where conditions are not known.
    /// </summary>
    public Func<string, string?>? ConditionNameMessage { get; init; }
}

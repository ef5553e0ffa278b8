using System;
using System.Linq.Expressions;

namespace Engagement.Rules.Yaml.Expressions.Binding;

/// <summary>
/// A bound (typed) piece of an expression. <see cref="MayBeMissing"/> marks a value that may be absent (a
/// nullable field not yet tested by has()); its <see cref="Expression"/> then has a nullable CLR type and it
/// can only be given to has(), ?? or further member access. <see cref="Path"/> is the dotted path
/// (<c>vehicle.purchaseDate</c>) of plain names and fields, which flow typing keys on.
/// </summary>
internal sealed record BoundExpression(Expression Expression, bool MayBeMissing, string? Path)
{
    /// <summary>The type of the value when present.</summary>
    public Type ValueType => Nullable.GetUnderlyingType(Expression.Type) ?? Expression.Type;
}

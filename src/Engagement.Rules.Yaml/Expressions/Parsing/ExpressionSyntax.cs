using System;
using System.Collections.Generic;

namespace Engagement.Rules.Yaml.Expressions.Parsing;

/// <summary>
/// A node of the expression syntax tree. <see cref="Start"/> is the 0-based offset of the node's first
/// character in the expression text (where its diagnostics point); <see cref="Depth"/> is the height of the
/// subtree, kept so that over-deep trees are rejected before any recursive walk.
/// </summary>
internal abstract record ExpressionSyntax(int Start, int End)
{
    public abstract int Depth { get; }
}

/// <summary>The kind of a literal token.</summary>
internal enum LiteralKind
{
    String,
    Integer,
    Decimal,
    True,
    False,
    Date,
    Time,
    Null,
}

/// <summary>A literal, kept as raw text: its value is read (and range-checked) when it is bound.</summary>
internal sealed record LiteralSyntax(LiteralKind Kind, string Text, int Start, int End) : ExpressionSyntax(Start, End)
{
    public override int Depth => 1;
}

/// <summary>A quantity such as <c>30 days</c>: a whole number and a unit.</summary>
internal sealed record QuantitySyntax(string Number, string Unit, int UnitStart, int Start, int End) : ExpressionSyntax(Start, End)
{
    public override int Depth => 1;
}

/// <summary>A bare name: a declaration, or an enum member where an enum is expected.</summary>
internal sealed record NameSyntax(string Name, int Start, int End) : ExpressionSyntax(Start, End)
{
    public override int Depth => 1;
}

/// <summary>Member access <c>target.name</c>.</summary>
internal sealed record MemberSyntax(ExpressionSyntax Target, string Name, int NameStart, int End) : ExpressionSyntax(Target.Start, End)
{
    public override int Depth { get; } = Target.Depth + 1;
}

/// <summary>A call of a catalogue function, <c>name(arguments)</c>.</summary>
internal sealed record CallSyntax(string Name, IReadOnlyList<ExpressionSyntax> Arguments, int Start, int End) : ExpressionSyntax(Start, End)
{
    public override int Depth { get; } = MaxDepth(Arguments) + 1;

    internal static int MaxDepth(IReadOnlyList<ExpressionSyntax> items)
    {
        var depth = 0;
        foreach (var item in items)
        {
            depth = Math.Max(depth, item.Depth);
        }

        return depth;
    }
}

/// <summary>The unary operators.</summary>
internal enum UnaryOperator
{
    Negate,
    Not,
}

/// <summary>A prefix operator applied to an operand.</summary>
internal sealed record UnarySyntax(UnaryOperator Operator, ExpressionSyntax Operand, int Start) : ExpressionSyntax(Start, Operand.End)
{
    public override int Depth { get; } = Operand.Depth + 1;
}

/// <summary>The binary operators.</summary>
internal enum BinaryOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
    Remainder,
    Coalesce,
}

/// <summary>A binary operation; <see cref="OperatorStart"/> locates the operator itself.</summary>
internal sealed record BinarySyntax(BinaryOperator Operator, ExpressionSyntax Left, ExpressionSyntax Right, int OperatorStart) : ExpressionSyntax(Left.Start, Right.End)
{
    public override int Depth { get; } = Math.Max(Left.Depth, Right.Depth) + 1;
}

/// <summary><c>value between low and high</c>, inclusive at both ends.</summary>
internal sealed record BetweenSyntax(ExpressionSyntax Value, ExpressionSyntax Low, ExpressionSyntax High, int OperatorStart) : ExpressionSyntax(Value.Start, High.End)
{
    public override int Depth { get; } = Math.Max(Value.Depth, Math.Max(Low.Depth, High.Depth)) + 1;
}

/// <summary><c>value in [a, b]</c> or <c>value in list</c>, possibly negated (<c>not in</c>).</summary>
internal sealed record InSyntax(ExpressionSyntax Value, ExpressionSyntax Collection, bool Negated, int OperatorStart) : ExpressionSyntax(Value.Start, Collection.End)
{
    public override int Depth { get; } = Math.Max(Value.Depth, Collection.Depth) + 1;
}

/// <summary>A list literal <c>[a, b, c]</c>; allowed only after <c>in</c>.</summary>
internal sealed record ListSyntax(IReadOnlyList<ExpressionSyntax> Items, int Start, int End) : ExpressionSyntax(Start, End)
{
    public override int Depth { get; } = CallSyntax.MaxDepth(Items) + 1;
}

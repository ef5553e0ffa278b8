using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine.Compilation;

/// <summary>
/// Recognises equality tests that can be hash-indexed: <c>fact.X == constant</c> (alpha dispatch) and
/// <c>fact.X == earlier.Y</c> (join index). Only types whose <c>==</c> agrees with <see cref="object.Equals(object)"/>
/// on boxed values qualify (integers, bool, char, enums, string, decimal, Guid and their nullable forms).
/// </summary>
internal static class EqualityAnalysis
{
    public static bool IsHashable(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid))
        {
            return true;
        }

        return t.IsPrimitive && t != typeof(float) && t != typeof(double) && t != typeof(IntPtr) && t != typeof(UIntPtr);
    }

    /// <summary>Splits an equality into the side over the own fact (key) and the other side.</summary>
    public static bool TrySplit(LambdaExpression lambda, out Expression ownSide, out Expression otherSide, ParameterExpression own)
    {
        ownSide = null!;
        otherSide = null!;
        if (lambda.Body is not BinaryExpression { NodeType: ExpressionType.Equal } equal
            || equal.Left.Type != equal.Right.Type
            || !IsHashable(equal.Left.Type))
        {
            return false;
        }

        if (equal.Method is not null
            && !(equal.Method.Name == "op_Equality" && (equal.Method.DeclaringType == typeof(string) || equal.Method.DeclaringType == typeof(decimal))))
        {
            return false;
        }

        var candidates = new[] { own };
        var leftUsesOwn = ParameterUsage.Find(equal.Left, candidates).Count > 0;
        var rightUsesOwn = ParameterUsage.Find(equal.Right, candidates).Count > 0;
        if (leftUsesOwn == rightUsesOwn)
        {
            return false;
        }

        ownSide = leftUsesOwn ? equal.Left : equal.Right;
        otherSide = leftUsesOwn ? equal.Right : equal.Left;
        return true;
    }

    /// <summary>An alpha test <c>fact.X == constant</c>: the key expression over the fact and the constant.</summary>
    public static bool TryConstant(Conjunct conjunct, out LambdaExpression key, out object? constant)
    {
        key = null!;
        constant = null;
        var own = conjunct.Lambda.Parameters[0];
        if (!TrySplit(conjunct.Lambda, out var ownSide, out var otherSide, own)
            || ParameterUsage.Find(otherSide, conjunct.Lambda.Parameters).Count > 0
            || !ExpressionCanonicalizer.TryEvaluate(otherSide, out constant))
        {
            return false;
        }

        key = Expression.Lambda(ownSide, own);
        return true;
    }

    /// <summary>A join <c>fact.X == earlier.Y</c>: the key over the fact and the key over the earlier declarations.</summary>
    public static bool TryJoin(Conjunct conjunct, Declaration own, out LambdaExpression right, out LambdaExpression left, out IReadOnlyList<Declaration> leftDeclarations)
    {
        right = null!;
        left = null!;
        leftDeclarations = Array.Empty<Declaration>();
        var ownIndex = -1;
        for (var i = 0; i < conjunct.Parameters.Count; i++)
        {
            if (ReferenceEquals(conjunct.Parameters[i], own))
            {
                ownIndex = i;
            }
        }

        if (ownIndex < 0 || conjunct.Parameters.Count < 2)
        {
            return false;
        }

        var ownParameter = conjunct.Lambda.Parameters[ownIndex];
        if (!TrySplit(conjunct.Lambda, out var ownSide, out var otherSide, ownParameter))
        {
            return false;
        }

        var otherParameters = new List<ParameterExpression>();
        var otherDeclarations = new List<Declaration>();
        var used = ParameterUsage.Find(otherSide, conjunct.Lambda.Parameters);
        if (used.Count == 0)
        {
            return false;
        }

        for (var i = 0; i < conjunct.Parameters.Count; i++)
        {
            if (i != ownIndex && used.Contains(conjunct.Lambda.Parameters[i]))
            {
                otherParameters.Add(conjunct.Lambda.Parameters[i]);
                otherDeclarations.Add(conjunct.Parameters[i]);
            }
        }

        if (ParameterUsage.Find(ownSide, conjunct.Lambda.Parameters).Count != 1)
        {
            return false;
        }

        right = Expression.Lambda(ownSide, ownParameter);
        left = Expression.Lambda(otherSide, otherParameters);
        leftDeclarations = otherDeclarations;
        return true;
    }
}

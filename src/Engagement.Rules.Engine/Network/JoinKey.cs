using System;
using System.Linq.Expressions;
using Engagement.Rules.Engine.Runtime;

namespace Engagement.Rules.Engine.Network;

/// <summary>
/// An equality join (<c>fact.X == earlier.Y</c>): the key of a left token and the key of a fact must be equal.
/// Keys are computed in their own type (<see cref="JoinKey{TKey}"/>): an integer id is hashed without boxing,
/// and a lookup compares keys stored inline in the index instead of following a pointer to a boxed copy.
/// </summary>
internal abstract class JoinKey
{
    /// <summary>Stands for a null key (dictionaries refuse null keys; C# <c>==</c> treats null == null as true).</summary>
    public static readonly object Null = new();

    protected JoinKey(Func<Token, object?, bool> test, string leftDescription, string rightDescription)
    {
        Test = test;
        LeftDescription = leftDescription;
        RightDescription = rightDescription;
    }

    /// <summary>The equality itself, used while the memories are too small to be worth indexing.</summary>
    public Func<Token, object?, bool> Test { get; }

    public string LeftDescription { get; }

    public string RightDescription { get; }

    /// <summary>The condition holding the equality as its rule's author wrote it, when known (set once, by the compiler).</summary>
    public string? Condition { get; set; }

    /// <summary>Creates the per-session hash indexes of a join on this key.</summary>
    public abstract JoinIndex NewIndex(JoinNode join);

    /// <summary>
    /// Builds the key from the two sides of the equality: in their own type when it is a non-nullable value type,
    /// as an object (null mapped to <see cref="Null"/>) otherwise.
    /// </summary>
    /// <param name="keyType">The type of both sides of the equality.</param>
    /// <param name="compileLeft">Compiles the left side for a result type: (token at the left level, unused) => key.</param>
    /// <param name="compileRight">Compiles the right side for a result type: (fact) => key.</param>
    /// <param name="test">The equality itself, for small memories.</param>
    /// <param name="leftDescription">The left side, for the network dump.</param>
    /// <param name="rightDescription">The right side, for the network dump.</param>
    public static JoinKey Create(
        Type keyType,
        Func<Type, Delegate> compileLeft,
        Func<Type, Delegate> compileRight,
        Func<Token, object?, bool> test,
        string leftDescription,
        string rightDescription)
    {
        var typed = keyType.IsValueType && Nullable.GetUnderlyingType(keyType) is null;
        var type = typed ? keyType : typeof(object);
        var keyClass = typeof(JoinKey<>).MakeGenericType(type);
        return (JoinKey)Activator.CreateInstance(keyClass, compileLeft(type), compileRight(type), test, leftDescription, rightDescription)!;
    }

    /// <summary>Wraps an object-typed side so that a null key becomes <see cref="Null"/>.</summary>
    public static Expression NullToSentinel(Expression body) =>
        Expression.Coalesce(Expression.Convert(body, typeof(object)), Expression.Constant(Null));
}

/// <summary>An equality join whose keys are of type <typeparamref name="TKey"/>.</summary>
internal sealed class JoinKey<TKey> : JoinKey
    where TKey : notnull
{
    public JoinKey(
        Func<Token, object?, TKey> left,
        Func<object, TKey> right,
        Func<Token, object?, bool> test,
        string leftDescription,
        string rightDescription)
        : base(test, leftDescription, rightDescription)
    {
        Left = left;
        Right = right;
    }

    public Func<Token, object?, TKey> Left { get; }

    public Func<object, TKey> Right { get; }

    public override JoinIndex NewIndex(JoinNode join) => new JoinIndex<TKey>(join, this);
}

namespace Engagement.Rules.Benchmarks.Engine;

/// <summary>A mutable fact with a group and a value, for the micro-benchmarks.</summary>
public sealed class Item(int id, int groupId, int value)
{
    public int Id { get; } = id;

    public int GroupId { get; } = groupId;

    public int Value { get; set; } = value;
}

/// <summary>A group that items join to.</summary>
public sealed class Group(int id, int kind)
{
    public int Id { get; } = id;

    public int Kind { get; } = kind;
}

/// <summary>The left side of a two-fact join.</summary>
public sealed class Left(int id, int key)
{
    public int Id { get; } = id;

    public int Key { get; } = key;
}

/// <summary>The right side of a two-fact join.</summary>
public sealed class Right(int id, int key)
{
    public int Id { get; } = id;

    public int Key { get; } = key;
}

using System;
using System.Collections.Generic;
using System.Linq.Expressions;

namespace Engagement.Rules.Engine.Network;

/// <summary>
/// A node of the alpha network: a single-fact test below its parent. The root of each tree has no test and
/// stands for a fact type. Sibling tests of the form <c>fact.Member == constant</c> over the same member are
/// grouped: one dictionary lookup on the member's value selects the branch instead of testing every sibling.
/// </summary>
internal sealed class AlphaNode
{
    /// <summary>Below this many branches a group is tested one by one (cheaper than hashing).</summary>
    public const int DispatchThreshold = 3;

    public AlphaNode(int id, Type factType, Func<object, bool>? test, LambdaExpression? testLambda, string description, string ruleId)
    {
        Id = id;
        FactType = factType;
        Test = test;
        TestLambda = testLambda;
        Description = description;
        RuleId = ruleId;
    }

    public int Id { get; }

    public Type FactType { get; }

    public Func<object, bool>? Test { get; }

    /// <summary>The test as written (over the fact), for the compiled route of its type.</summary>
    public LambdaExpression? TestLambda { get; }

    /// <summary>
    /// A type root's tree compiled into one delegate (see <see cref="Compilation.AlphaRouteCompiler"/>); null where
    /// the tree is interpreted.
    /// </summary>
    public Action<Runtime.Session, object>? Route { get; set; }

    public string Description { get; }

    public string RuleId { get; }

    /// <summary>The condition this node tests as its rule's author wrote it, when known (the first rule's, when shared).</summary>
    public string? Condition { get; init; }

    public Dictionary<string, AlphaNode> ChildrenByKey { get; } = new(StringComparer.Ordinal);

    public List<AlphaNode> ChildList { get; } = new();

    public Dictionary<string, DispatchGroup> GroupsByKey { get; } = new(StringComparer.Ordinal);

    public AlphaNode[] Children { get; private set; } = [];

    public DispatchGroup[] Groups { get; private set; } = [];

    public AlphaMemoryNode? Memory { get; set; }

    public void Freeze()
    {
        var children = new List<AlphaNode>(ChildList);
        var groups = new List<DispatchGroup>();
        foreach (var group in GroupsByKey.Values)
        {
            if (group.Branches.Count >= DispatchThreshold)
            {
                groups.Add(group);
            }
            else
            {
                children.AddRange(group.Branches.Values);
            }
        }

        Children = children.ToArray();
        Groups = groups.ToArray();
        foreach (var child in ChildrenByKey.Values)
        {
            child.Freeze();
        }
    }
}

/// <summary>Sibling alpha tests <c>fact.Member == constant</c> over the same member, indexed by the constant.</summary>
internal sealed class DispatchGroup
{
    public DispatchGroup(Func<object, object?> key, string description, string ruleId, string? condition)
    {
        Key = key;
        Description = description;
        RuleId = ruleId;
        Condition = condition;
    }

    public Func<object, object?> Key { get; }

    public string Description { get; }

    /// <summary>The rule of the first test in the group, named when the key throws.</summary>
    public string RuleId { get; }

    /// <summary>That test's condition as its rule's author wrote it, when known; read only when the key throws.</summary>
    public string? Condition { get; }

    public Dictionary<object, AlphaNode> Branches { get; } = new();
}

/// <summary>An alpha memory: where the facts passing a chain of alpha tests are stored, and its join successors.</summary>
internal sealed class AlphaMemoryNode
{
    public AlphaMemoryNode(int id, AlphaNode owner)
    {
        Id = id;
        Owner = owner;
    }

    public int Id { get; }

    public AlphaNode Owner { get; }

    public List<JoinNode> SuccessorList { get; } = new();

    /// <summary>
    /// Successors, most downstream first: a new fact right-activates a join before the joins (and sub-networks)
    /// that feed it, so a token created upstream by the same fact finds it in this memory exactly once.
    /// </summary>
    public JoinNode[] Successors { get; private set; } = [];

    public JoinNode[] KeyedSuccessors { get; private set; } = [];

    /// <summary>
    /// False when every successor joins the root token (a rule's first pattern): such a join reads its alpha
    /// memory only when the root token appears, before any fact, so the memory's contents need not be kept.
    /// </summary>
    public bool IsStored { get; private set; }

    public void Freeze()
    {
        var list = new List<JoinNode>(SuccessorList);
        list.Sort((a, b) => b.Rank.CompareTo(a.Rank));
        Successors = list.ToArray();
        KeyedSuccessors = list.FindAll(j => j.IsKeyed).ToArray();
        IsStored = list.Exists(j => j.Parent is not RootNode);
    }
}

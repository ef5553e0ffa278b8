using System;
using System.Runtime.CompilerServices;
using Engagement.Rules.Engine.Network;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// A session state's <see cref="FactType"/> for each runtime type of fact its sessions have seen: a small
/// open-addressing table over type references, hashed by identity (a type's identity hash is set once, in its
/// header), so a lookup is a hash read and one or two reference compares instead of the network's concurrent
/// dictionary of routes. Kept by a pooled state (what it holds depends only on the network and the type).
/// </summary>
internal sealed class FactTypes
{
    private readonly ReteNetwork _network;
    private Type?[] _keys = new Type?[16];
    private FactType?[] _values = new FactType?[16];
    private int _count;
    private FactType? _last;

    public FactTypes(ReteNetwork network) => _network = network;

    /// <summary>How many types the state has met (their <see cref="FactType.Id"/>s are below this).</summary>
    public int Count => _count;

    public FactType Of(object fact)
    {
        // Facts often come in runs of one type (a batch of visits, a rule inserting proposals): the last type first.
        var type = fact.GetType();
        var last = _last;
        if (last is not null && ReferenceEquals(last.Type, type))
        {
            return last;
        }

        return _last = Find(type);
    }

    private FactType Find(Type type)
    {
        var keys = _keys;
        var mask = keys.Length - 1;
        var i = RuntimeHelpers.GetHashCode(type) & mask;
        while (keys[i] is { } known)
        {
            if (ReferenceEquals(known, type))
            {
                return _values[i]!;
            }

            i = (i + 1) & mask;
        }

        var factType = new FactType(_count, type, _network.Route(type));
        if (2 * (_count + 1) > keys.Length)
        {
            Grow();
            return Add(factType);
        }

        keys[i] = type;
        _values[i] = factType;
        _count++;
        return factType;
    }

    private FactType Add(FactType factType)
    {
        var mask = _keys.Length - 1;
        var i = RuntimeHelpers.GetHashCode(factType.Type) & mask;
        while (_keys[i] is not null)
        {
            i = (i + 1) & mask;
        }

        _keys[i] = factType.Type;
        _values[i] = factType;
        _count++;
        return factType;
    }

    private void Grow()
    {
        var values = _values;
        _keys = new Type?[2 * values.Length];
        _values = new FactType?[2 * values.Length];
        _count = 0;
        foreach (var value in values)
        {
            if (value is not null)
            {
                Add(value);
            }
        }
    }
}

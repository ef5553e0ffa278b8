using System;
using System.Runtime.CompilerServices;
using Engagement.Rules.Engine.Network;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// A session state's memo of <see cref="ReteNetwork.Route"/> for the fact types its sessions see: a small
/// open-addressing table over type references, hashed by identity (a type's identity hash is set once, in its
/// header), so a lookup is a hash read and one or two reference compares instead of the network's concurrent
/// dictionary, which every inserted, updated and retracted fact would otherwise look up. A rule pack with dozens of
/// fact types fits; past <see cref="MaxTypes"/> types the network answers the rest. Kept by a pooled state (routes
/// depend only on the network).
/// </summary>
internal sealed class RouteCache
{
    /// <summary>Types memoised at most: the table stays at most half full.</summary>
    public const int MaxTypes = 64;

    private const int Size = 2 * MaxTypes;

    private readonly ReteNetwork _network;
    private readonly Type?[] _types = new Type?[Size];
    private readonly AlphaNode[][] _routes = new AlphaNode[Size][];
    private int _count;
    private Type? _lastType;
    private AlphaNode[]? _lastRoute;

    public RouteCache(ReteNetwork network) => _network = network;

    public AlphaNode[] Route(Type type)
    {
        // Facts often come in runs of one type (a batch of visits, a rule inserting proposals): the last type first.
        if (ReferenceEquals(type, _lastType))
        {
            return _lastRoute!;
        }

        var route = Find(type);
        _lastType = type;
        _lastRoute = route;
        return route;
    }

    private AlphaNode[] Find(Type type)
    {
        var types = _types;
        var i = RuntimeHelpers.GetHashCode(type) & (Size - 1);
        while (types[i] is { } known)
        {
            if (ReferenceEquals(known, type))
            {
                return _routes[i];
            }

            i = (i + 1) & (Size - 1);
        }

        var route = _network.Route(type);
        if (_count < MaxTypes)
        {
            types[i] = type;
            _routes[i] = route;
            _count++;
        }

        return route;
    }
}

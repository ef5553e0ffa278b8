using System;
using Engagement.Rules.Engine.Network;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// A session state's memo of <see cref="ReteNetwork.Route"/> for the few fact types a session sees: a scan of a
/// handful of type references costs less than the network's concurrent dictionary, which every inserted, updated
/// and retracted fact would otherwise look up. Kept by a pooled state (routes depend only on the network).
/// </summary>
internal sealed class RouteCache
{
    private const int Size = 16;

    private readonly ReteNetwork _network;
    private readonly Type?[] _types = new Type?[Size];
    private readonly AlphaNode[][] _routes = new AlphaNode[Size][];
    private int _count;

    public RouteCache(ReteNetwork network) => _network = network;

    public AlphaNode[] Route(Type type)
    {
        var types = _types;
        for (var i = 0; i < _count; i++)
        {
            if (ReferenceEquals(types[i], type))
            {
                return _routes[i];
            }
        }

        var route = _network.Route(type);
        if (_count < Size)
        {
            types[_count] = type;
            _routes[_count++] = route;
        }

        return route;
    }
}

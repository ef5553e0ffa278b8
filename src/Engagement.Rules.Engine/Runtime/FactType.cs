using System;
using System.Runtime.CompilerServices;
using Engagement.Rules.Engine.Network;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// What a session state knows about one runtime type of fact, found once per operation (see <see cref="FactTypes"/>):
/// the alpha trees its facts enter and whether they have an <see cref="IFactIdentity"/>. Asking the runtime for a
/// fact's type, routing it and testing it for the interface cost a few nanoseconds each, and every insert, update and
/// retract did all three.
/// </summary>
internal sealed class FactType
{
    public FactType(int id, Type type, AlphaNode[] route)
    {
        Id = id;
        Type = type;
        Route = route;
        HasIdentity = typeof(IFactIdentity).IsAssignableFrom(type);
    }

    /// <summary>The type's number in its state's table (0, 1, 2... in the order the state met them).</summary>
    public int Id { get; }

    public Type Type { get; }

    /// <summary>The alpha trees a fact of this type enters (<see cref="ReteNetwork.Route"/>).</summary>
    public AlphaNode[] Route { get; }

    /// <summary>Whether the type implements <see cref="IFactIdentity"/>.</summary>
    public bool HasIdentity { get; }

    /// <summary>
    /// The identity of a fact of this type: its <see cref="IFactIdentity.FactIdentity"/> (<see cref="FactLookup.NullIdentity"/>
    /// for null), or null when it is found by reference; the type was tested for the interface once.
    /// </summary>
    public object? IdentityOf(object fact) =>
        HasIdentity ? Unsafe.As<IFactIdentity>(fact).FactIdentity ?? FactLookup.NullIdentity : null;
}

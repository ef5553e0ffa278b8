using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>Fact identity: <see cref="IFactIdentity.FactIdentity"/> when the fact has one, else the reference.</summary>
internal sealed class FactComparer : IEqualityComparer<object>
{
    public static readonly FactComparer Instance = new();

    public new bool Equals(object? x, object? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        return x is IFactIdentity a && y is IFactIdentity b && object.Equals(a.FactIdentity, b.FactIdentity);
    }

    public int GetHashCode(object obj) =>
        obj is IFactIdentity identity ? identity.FactIdentity?.GetHashCode() ?? 0 : RuntimeHelpers.GetHashCode(obj);
}

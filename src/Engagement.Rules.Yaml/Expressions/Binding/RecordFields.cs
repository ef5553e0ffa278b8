using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace Engagement.Rules.Yaml.Expressions.Binding;

/// <summary>One readable field of a record: its property, and whether its value may be missing.</summary>
internal sealed record RecordField(PropertyInfo Property, bool MayBeMissing, bool Supported);

/// <summary>
/// The fields of record types by camelCase name, read by reflection once per type and shared by every
/// compilation (the catalogue of a type never changes; the cache is thread-safe).
/// </summary>
internal static class RecordFields
{
    private static readonly ConcurrentDictionary<Type, Fields> Cache = new();

    /// <summary>The fields of <paramref name="type"/>.</summary>
    public static Fields Of(Type type) => Cache.GetOrAdd(type, Read);

    private static Fields Read(Type type)
    {
        // NullabilityInfoContext is not thread-safe: one per read.
        var nullability = new NullabilityInfoContext();
        var byName = new Dictionary<string, RecordField>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length != 0 || property.GetMethod is not { IsPublic: true })
            {
                continue;
            }

            var mayBeMissing = Nullable.GetUnderlyingType(property.PropertyType) is not null
                || (!property.PropertyType.IsValueType && nullability.Create(property).ReadState == NullabilityState.Nullable);
            byName[char.ToLowerInvariant(property.Name[0]) + property.Name[1..]] =
                new RecordField(property, mayBeMissing, LanguageTypes.IsSupported(property.PropertyType));
        }

        var names = byName.Where(f => f.Value.Supported).Select(f => f.Key).Order(StringComparer.Ordinal).ToArray();
        return new Fields(byName, names);
    }

    /// <summary>The fields by camelCase name, and the usable names sorted for messages.</summary>
    internal sealed record Fields(IReadOnlyDictionary<string, RecordField> ByName, IReadOnlyList<string> UsableNames);
}

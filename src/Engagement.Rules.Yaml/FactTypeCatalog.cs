using System;
using System.Collections.Generic;
using System.Linq;

namespace Engagement.Rules.Yaml;

/// <summary>
/// The fact types a rule file may name, by name: the built-in dealership facts and any host type registered
/// as a fact type. Nothing outside the catalogue can be reached from a rule file.
/// </summary>
public sealed class FactTypeCatalog
{
    private readonly Dictionary<string, Type> _types = new(StringComparer.Ordinal);

    /// <summary>The registered names, sorted.</summary>
    public IReadOnlyList<string> Names => _types.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Registers a fact type under its own type name.</summary>
    /// <typeparam name="T">The fact type.</typeparam>
    /// <returns>This catalogue.</returns>
    public FactTypeCatalog Register<T>()
        where T : class => Register<T>(typeof(T).Name);

    /// <summary>Registers a fact type under a name.</summary>
    /// <param name="name">The name rule files use.</param>
    /// <typeparam name="T">The fact type.</typeparam>
    /// <returns>This catalogue.</returns>
    public FactTypeCatalog Register<T>(string name)
        where T : class => Register(typeof(T), name);

    /// <summary>Registers a fact type under a name.</summary>
    /// <param name="type">The fact type (a class).</param>
    /// <param name="name">The name rule files use.</param>
    /// <returns>This catalogue.</returns>
    /// <exception cref="ArgumentException">The name is taken by another type, or the type is not a class.</exception>
    public FactTypeCatalog Register(Type type, string name)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!type.IsClass)
        {
            throw new ArgumentException($"A fact type must be a class; {type.Name} is not.", nameof(type));
        }

        if (_types.TryGetValue(name, out var existing) && existing != type)
        {
            throw new ArgumentException($"The fact type name '{name}' is already registered for {existing.FullName}.", nameof(name));
        }

        _types[name] = type;
        return this;
    }

    /// <summary>Looks a fact type up by name.</summary>
    /// <param name="name">The name.</param>
    /// <param name="type">The type, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetType(string name, out Type type) => _types.TryGetValue(name, out type!);
}

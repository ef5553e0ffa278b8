using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;

namespace Engagement.Rules.Yaml;

/// <summary>
/// The fact types a rule file may name, by name: the built-in dealership facts and any host type registered
/// as a fact type. Nothing outside the catalogue can be reached from a rule file.
/// </summary>
/// <remarks>
/// A catalogue is filled first, then used: it becomes read-only (<see cref="IsReadOnly"/>) when a
/// <see cref="RuleFileLoader"/> is created with it, and the catalogue of <see cref="RuleLoaderOptions.Default"/>
/// is read-only from the start. So no caller can change what a loader already in use (or every other user of the
/// defaults) accepts, and loads on several threads read it safely. To add types, register them on a new catalogue
/// (<see cref="BuiltInFactTypes.CreateCatalog"/>) before creating the loader.
/// </remarks>
public sealed class FactTypeCatalog
{
    private readonly Dictionary<string, Type> _types = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private volatile bool _isReadOnly;

    /// <summary>
    /// Whether the catalogue can no longer change: a loader uses it (or it is the default options' catalogue).
    /// <see cref="Register(Type, string)"/> then throws.
    /// </summary>
    public bool IsReadOnly => _isReadOnly;

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
    /// <exception cref="InvalidOperationException">The catalogue is read-only (<see cref="IsReadOnly"/>).</exception>
    public FactTypeCatalog Register(Type type, string name)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!type.IsClass)
        {
            throw new ArgumentException($"A fact type must be a class; {type.Name} is not.", nameof(type));
        }

        lock (_lock)
        {
            if (_isReadOnly)
            {
                throw new InvalidOperationException(
                    $"Cannot register {type.Name} as '{name}': this fact type catalogue is read-only because a RuleFileLoader uses it "
                    + "(or it is RuleLoaderOptions.Default's). Register host types on a new catalogue before creating the loader: "
                    + "new RuleLoaderOptions { Catalog = BuiltInFactTypes.CreateCatalog().Register<T>() }.");
            }

            if (_types.TryGetValue(name, out var existing) && existing != type)
            {
                throw new ArgumentException($"The fact type name '{name}' is already registered for {existing.FullName}.", nameof(name));
            }

            _types[name] = type;
        }

        return this;
    }

    /// <summary>Makes the catalogue read-only; loads may then read it from any thread without locking.</summary>
    /// <returns>This catalogue.</returns>
    internal FactTypeCatalog MakeReadOnly()
    {
        // The lock orders every earlier Register before any read that follows this call.
        lock (_lock)
        {
            _isReadOnly = true;
        }

        return this;
    }

    /// <summary>Looks a fact type up by name.</summary>
    /// <param name="name">The name.</param>
    /// <param name="type">The type, when found; null otherwise.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetType(string name, [NotNullWhen(true)] out Type? type) => _types.TryGetValue(name, out type);
}

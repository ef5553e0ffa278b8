using Engagement.Rules.Chaining;
using Engagement.Rules.Decisions;
using Engagement.Rules.Evaluation;
using Engagement.Rules.Facts;

namespace Engagement.Rules.Yaml;

/// <summary>The fact types every rule file may name without the host registering them.</summary>
public static class BuiltInFactTypes
{
    /// <summary>
    /// A new catalogue with the built-in fact types: the dealership facts (<see cref="DealershipFactTypes.All"/>, <c>TouchSent</c> among them), <see cref="TouchProposal"/>,
    /// <see cref="Signal"/> and <see cref="EvaluationContext"/>. Register host types on it before loading.
    /// </summary>
    /// <returns>A new catalogue the caller may extend.</returns>
    public static FactTypeCatalog CreateCatalog() => new FactTypeCatalog().AddBuiltInFactTypes();

    /// <summary>Registers the built-in fact types in a catalogue.</summary>
    /// <param name="catalog">The catalogue.</param>
    /// <returns>The same catalogue.</returns>
    public static FactTypeCatalog AddBuiltInFactTypes(this FactTypeCatalog catalog)
    {
        System.ArgumentNullException.ThrowIfNull(catalog);
        foreach (var type in DealershipFactTypes.All)
        {
            catalog.Register(type, type.Name);
        }

        catalog.Register<TouchProposal>();
        catalog.Register<Signal>();
        catalog.Register<EvaluationContext>();
        return catalog;
    }
}

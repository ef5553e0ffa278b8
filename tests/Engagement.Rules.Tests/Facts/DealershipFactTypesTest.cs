using System.Linq;
using Engagement.Rules.Engine;
using Engagement.Rules.Facts;

namespace Engagement.Rules.Tests.Facts;

public sealed class DealershipFactTypesTest
{
    [Test]
    public void All_EveryTypeIsASealedFactWithIdentity()
    {
        foreach (var type in DealershipFactTypes.All)
        {
            type.IsSealed.Should().BeTrue(type.Name);
            typeof(IFactIdentity).IsAssignableFrom(type).Should().BeTrue(type.Name);
            type.Namespace.Should().Be("Engagement.Rules.Facts");
        }
    }

    [Test]
    public void All_NamesUnique()
    {
        DealershipFactTypes.All.Select(t => t.Name).Should().OnlyHaveUniqueItems();
    }

    [Test]
    public void All_MatchesSamples()
    {
        DealershipFactTypes.All.Should().BeEquivalentTo(SampleFacts.All().Select(f => f.GetType()), o => o.WithStrictOrdering());
    }

    [Test]
    public void FactIdentity_StableAcrossWithCopiesAndStartsWithTypeName()
    {
        foreach (var fact in SampleFacts.All().Cast<IFactIdentity>())
        {
            var identity = fact.FactIdentity;
            var tuple = (System.Runtime.CompilerServices.ITuple)identity;

            tuple[0].Should().Be(fact.GetType().Name);
            CopyOf(fact).FactIdentity.Should().Be(identity, fact.GetType().Name);
        }
    }

    [Test]
    public void FactIdentity_DistinctAcrossSamples()
    {
        SampleFacts.All().Cast<IFactIdentity>().Select(f => f.FactIdentity).Should().OnlyHaveUniqueItems();
    }

    // A 'with' copy through the compiler-generated clone, as the engine would see a new version.
    private static IFactIdentity CopyOf(IFactIdentity fact)
    {
        var clone = fact.GetType().GetMethod("<Clone>$")!;
        return (IFactIdentity)clone.Invoke(fact, null)!;
    }
}

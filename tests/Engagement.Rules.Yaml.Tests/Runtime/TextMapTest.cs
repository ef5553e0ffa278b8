using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Yaml.Runtime;

namespace Engagement.Rules.Yaml.Tests.Runtime;

/// <summary>A proposal's values and evidence read as the dictionary they replaced: same order, same lookups, same errors.</summary>
public sealed class TextMapTest
{
    [Test]
    public void Set_RepeatedName_KeepsFirstPlaceAndLastText()
    {
        string[] names = ["b", "a", "b", "c"];
        string[] texts = ["1", "2", "3", "4"];
        var map = new TextMap(names.Length);
        var dictionary = new Dictionary<string, string>(System.StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            map.Set(names[i], texts[i]);
            dictionary[names[i]] = texts[i];
        }

        map.Should().Equal(dictionary);
        map.Keys.Should().Equal(dictionary.Keys);
        map.Values.Should().Equal(dictionary.Values);
        map.Count.Should().Be(3);
    }

    [Test]
    public void TryGetValue_NamesCompareOrdinally()
    {
        var map = new TextMap(2);
        map.Set("due", "2026-11-24");
        map.Set("Due", "other");

        map["due"].Should().Be("2026-11-24");
        map.TryGetValue("Due", out var other).Should().BeTrue();
        other.Should().Be("other");
        map.ContainsKey("DUE").Should().BeFalse();
        map.TryGetValue("DUE", out _).Should().BeFalse();
    }

    [Test]
    public void Indexer_MissingName_ThrowsKeyNotFound()
    {
        var map = new TextMap(1);
        map.Set("a", "1");

        var read = () => map["b"];

        read.Should().Throw<KeyNotFoundException>().WithMessage("*'b'*");
    }

    [Test]
    public void Enumerate_Empty_YieldsNothing()
    {
        var map = new TextMap(0);

        map.Should().BeEmpty();
        map.Keys.Any().Should().BeFalse();
    }
}

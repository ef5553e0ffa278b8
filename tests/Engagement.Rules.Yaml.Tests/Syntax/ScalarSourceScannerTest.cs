using System.Collections.Generic;
using System.IO;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Syntax;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Engagement.Rules.Yaml.Tests.Syntax;

public sealed class ScalarSourceScannerTest
{
    // Every scalar style the parser knows, with the folding, chomping and escapes that move characters around.
    [TestCase("k: plain text\n")]
    [TestCase("k: plain\n  on\n\n  lines  \n")]
    [TestCase("k: 'it''s\n   folded'\n")]
    [TestCase("k: \"tab\\there \\\"quoted\\\" \\u00e9 \\x41 \\U0001F600 \\\\ \\/\"\n")]
    [TestCase("k: \"keep  \\\n   joined\"\n")]
    [TestCase("k: \"a \n\n  b  \"\n")]
    [TestCase("k: |\n  one\n    two\n\n  three\n")]
    [TestCase("k: |-\n  one\n  two\n\n\n")]
    [TestCase("k: |+\n  one\n\n\nnext: 1\n")]
    [TestCase("k: >\n  one\n  two\n\n  three\n    more\n  four\n")]
    [TestCase("k: >-\r\n  one\r\n  two\r\n")]
    [TestCase("- k: |2\n     one\n    two\n")]
    [TestCase("k: [ a b,\n  'c\n  d' ]\n")]
    [TestCase("k: >-\n\n  after an empty line\n")]
    public void Map_EveryStyle_ReproducesTheValueFromTheFile(string yaml)
    {
        foreach (var (scalar, start) in Scalars(yaml))
        {
            var map = ScalarSourceScanner.Map(yaml, start, scalar.Style, scalar.Value);

            map.Should().NotBeNull($"the {scalar.Style} scalar '{scalar.Value}' is read from '{yaml}'");
            for (var i = 0; i < scalar.Value.Length; i++)
            {
                var source = yaml[map![i]];
                if (source is not ('\\' or '\r' or '\n' or '\''))
                {
                    source.Should().Be(scalar.Value[i], $"character {i} of the {scalar.Style} scalar '{scalar.Value}' comes from there");
                }
            }
        }
    }

    [Test]
    public void Map_ValueTheTextDoesNotGive_IsNull()
    {
        ScalarSourceScanner.Map("k: abc\n", 3, ScalarStyle.Plain, "abd").Should().BeNull();
        ScalarSourceScanner.Map("k: 'abc'\n", 3, ScalarStyle.DoubleQuoted, "abc").Should().BeNull("the scalar does not start with its quote");
    }

    [Test]
    public void Locate_UnmappableScalar_FallsBackToTheValueStart()
    {
        var source = new SourceText("r.yaml", "k: >-\n  abc\n");
        var origin = new SourceLocation("r.yaml", 1, 4);

        var positions = ScalarPositions.InFile(source, 3, ScalarStyle.Folded, "something else", origin);

        positions.Locate(5).Should().Be(origin);
        positions.From(3).Locate(2).Should().Be(origin);
    }

    [Test]
    public void Locate_PartOfABlockScalar_CountsFromThePart()
    {
        var source = new SourceText("r.yaml", "k: |\n  ab\n  cd\n");

        var positions = ScalarPositions.InFile(source, 3, ScalarStyle.Literal, "ab\ncd\n", new SourceLocation("r.yaml", 1, 4));

        positions.Locate(0).Should().Be(new SourceLocation("r.yaml", 2, 3));
        positions.From(3).Locate(1).Should().Be(new SourceLocation("r.yaml", 3, 4));
    }

    private static List<(Scalar Scalar, int Start)> Scalars(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var scalars = new List<(Scalar, int)>();
        while (parser.MoveNext())
        {
            if (parser.Current is Scalar scalar)
            {
                scalars.Add((scalar, (int)scalar.Start.Index));
            }
        }

        return scalars;
    }
}

import { parseMentions } from '../src/mentions';

describe('parseMentions routes each item to the platform whose syntax it is', () => {
  test.each([
    {
      name: 'here goes to both',
      items: ['here'],
      slack: ['<!here>'],
      discord: ['@here'],
      parse: ['everyone'],
    },
    {
      name: '@channel is @everyone on Discord',
      items: ['@channel'],
      slack: ['<!channel>'],
      discord: ['@everyone'],
      parse: ['everyone'],
    },
    {
      name: 'Slack user ID',
      items: ['U024BE7LH'],
      slack: ['<@U024BE7LH>'],
      discord: [],
      parse: [],
    },
    {
      name: 'Slack group ID',
      items: ['S0614TZR7'],
      slack: ['<!subteam^S0614TZR7>'],
      discord: [],
      parse: [],
    },
    {
      name: 'Slack syntax kept',
      items: ['<@W123ABC|ana>'],
      slack: ['<@W123ABC|ana>'],
      discord: [],
      parse: [],
    },
    {
      name: 'Discord user ID',
      items: ['80351110224678912'],
      slack: [],
      discord: ['<@80351110224678912>'],
      parse: [],
    },
    {
      name: 'Discord role',
      items: ['&41771983423143937'],
      slack: [],
      discord: ['<@&41771983423143937>'],
      parse: [],
    },
    {
      name: 'Discord nickname syntax normalised',
      items: ['<@!80351110224678912>'],
      slack: [],
      discord: ['<@80351110224678912>'],
      parse: [],
    },
    {
      name: 'explicit prefixes',
      items: ['slack:here', 'discord:everyone'],
      slack: ['<!here>'],
      discord: ['@everyone'],
      parse: ['everyone'],
    },
    {
      name: 'duplicates dropped',
      items: ['here', '@here'],
      slack: ['<!here>'],
      discord: ['@here'],
      parse: ['everyone'],
    },
  ])('$name', ({ items, slack, discord, parse }) => {
    const out = parseMentions(items);
    if (!('mentions' in out)) throw new Error(`rejected ${out.bad}`);
    expect(out.mentions.slack).toEqual(slack);
    expect(out.mentions.discord).toEqual(discord);
    expect(out.mentions.discordAllowed.parse).toEqual(parse);
  });

  test('Discord IDs are allowed to ping by ID, not by parsing all users', () => {
    const out = parseMentions(['80351110224678912', '&41771983423143937']);
    expect(out).toEqual({
      mentions: expect.objectContaining({
        discordAllowed: { parse: [], users: ['80351110224678912'], roles: ['41771983423143937'] },
      }),
    });
  });

  test.each([
    { item: 'bob' },
    { item: 'slack:123' },
    { item: 'discord:U024BE7LH' },
    { item: '<script>' },
  ])('rejects $item', ({ item }) => {
    expect(parseMentions(['here', item])).toEqual({ bad: item });
  });
});

-- royalty-service's royalty.statement_issued tells a film's creator what they earned in a period.
-- (Plain inserts: V2's pg_temp.template function still exists in Flyway's session.)
insert into templates (id, type, channel, language, version, subject, body_text, body_html, created_at) values
(gen_random_uuid(), 'ROYALTY_STATEMENT', 'EMAIL', 'en', 1, 'Your royalty statement for {{title}}, {{period}}',
  E'{{title}} earned you {{amount}} in {{period}}.\nSee how it adds up: {{statementUrl}}',
  '<p><strong>{{title}}</strong> earned you <strong>{{amount}}</strong> in {{period}}.</p><p><a href="{{statementUrl}}">See how it adds up</a></p>',
  now()),
(gen_random_uuid(), 'ROYALTY_STATEMENT', 'EMAIL', 'tpi', 1, 'Pe bilong yu long {{title}}, {{period}}',
  E'{{title}} i kisim {{amount}} bilong yu long {{period}}.\nLukim olsem wanem: {{statementUrl}}',
  '<p><strong>{{title}}</strong> i kisim <strong>{{amount}}</strong> bilong yu long {{period}}.</p><p><a href="{{statementUrl}}">Lukim olsem wanem</a></p>',
  now()),
(gen_random_uuid(), 'ROYALTY_STATEMENT', 'INBOX', 'en', 1, 'Royalty statement: {{title}}, {{period}}',
  'You earned {{amount}}.', null, now()),
(gen_random_uuid(), 'ROYALTY_STATEMENT', 'INBOX', 'tpi', 1, 'Pe bilong yu: {{title}}, {{period}}',
  'Yu kisim {{amount}}.', null, now());

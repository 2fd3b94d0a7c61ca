-- royalty-service's royalty.statement_issued tells a film's creator what they earned in a period.
create function pg_temp.template(t varchar, ch varchar, lang varchar, subj text, txt text, html text)
returns void language sql as $$
    insert into templates (id, type, channel, language, version, subject, body_text, body_html, created_at)
    values (gen_random_uuid(), t, ch, lang, 1, subj, txt, html, now());
$$;

select pg_temp.template('ROYALTY_STATEMENT', 'EMAIL', 'en', 'Your royalty statement for {{title}}, {{period}}',
  E'{{title}} earned you {{amount}} in {{period}}.\nSee how it adds up: {{statementUrl}}',
  '<p><strong>{{title}}</strong> earned you <strong>{{amount}}</strong> in {{period}}.</p><p><a href="{{statementUrl}}">See how it adds up</a></p>');
select pg_temp.template('ROYALTY_STATEMENT', 'EMAIL', 'tpi', 'Pe bilong yu long {{title}}, {{period}}',
  E'{{title}} i kisim {{amount}} bilong yu long {{period}}.\nLukim olsem wanem: {{statementUrl}}',
  '<p><strong>{{title}}</strong> i kisim <strong>{{amount}}</strong> bilong yu long {{period}}.</p><p><a href="{{statementUrl}}">Lukim olsem wanem</a></p>');
select pg_temp.template('ROYALTY_STATEMENT', 'INBOX', 'en', 'Royalty statement: {{title}}, {{period}}',
  'You earned {{amount}}.', null);
select pg_temp.template('ROYALTY_STATEMENT', 'INBOX', 'tpi', 'Pe bilong yu: {{title}}, {{period}}',
  'Yu kisim {{amount}}.', null);

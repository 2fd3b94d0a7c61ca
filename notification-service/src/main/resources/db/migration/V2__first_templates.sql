-- The first version of every type's templates, in English and (where the message matters most) Tok
-- Pisin; a language without its own template falls back to English. Admins add later versions
-- through the API; this migration is never edited.
create function pg_temp.template(t varchar, ch varchar, lang varchar, subj text, txt text, html text)
returns void language sql as $$
    insert into templates (id, type, channel, language, version, subject, body_text, body_html, created_at)
    values (gen_random_uuid(), t, ch, lang, 1, subj, txt, html, now());
$$;

-- sign-in codes: the only way to verify, so both channels and both languages
-- an email carries a long code meant to be clicked (a link to the web app), and the code itself
select pg_temp.template('VERIFICATION_CODE', 'EMAIL', 'en', 'Confirm your email for THE WANS',
  E'Open this link to confirm your email address:\n{{link}}\n\nIt works for {{#hours}}{{hours}} hours{{/hours}}{{^hours}}{{minutes}} minutes{{/hours}}. Or enter this code: {{code}}\nIf you did not ask for it, ignore this message.',
  '<p>Confirm your email address for THE WANS:</p><p><a href="{{link}}" style="font-size:18px;font-weight:bold">Confirm my email</a></p><p>It works for {{#hours}}{{hours}} hours{{/hours}}{{^hours}}{{minutes}} minutes{{/hours}}. Or enter this code: <code>{{code}}</code></p><p>If you did not ask for it, ignore this message.</p>');
select pg_temp.template('VERIFICATION_CODE', 'EMAIL', 'tpi', 'Pruvim imel bilong yu long THE WANS',
  E'Opim dispela link long pruvim imel adres bilong yu:\n{{link}}\n\nEm i wok inap {{#hours}}{{hours}} aua{{/hours}}{{^hours}}{{minutes}} minit{{/hours}}. O raitim dispela kod: {{code}}\nSapos yu no askim, no ken wari long en.',
  '<p>Pruvim imel adres bilong yu long THE WANS:</p><p><a href="{{link}}" style="font-size:18px;font-weight:bold">Pruvim imel bilong mi</a></p><p>Em i wok inap {{#hours}}{{hours}} aua{{/hours}}{{^hours}}{{minutes}} minit{{/hours}}. O raitim dispela kod: <code>{{code}}</code></p><p>Sapos yu no askim, no ken wari long en.</p>');
select pg_temp.template('VERIFICATION_CODE', 'SMS', 'en', null,
  'THE WANS code: {{code}} (valid {{minutes}} min). Never share it.', null);
select pg_temp.template('VERIFICATION_CODE', 'SMS', 'tpi', null,
  'Namba bilong THE WANS: {{code}} (inap {{minutes}} minit). No ken givim long narapela.', null);

select pg_temp.template('PASSWORD_RESET_CODE', 'EMAIL', 'en', 'Reset your THE WANS password',
  E'Open this link to choose a new password:\n{{link}}\n\nIt works for {{#hours}}{{hours}} hours{{/hours}}{{^hours}}{{minutes}} minutes{{/hours}}. Or enter this code: {{code}}\nIf you did not ask for it, your password is unchanged.',
  '<p>Choose a new password for THE WANS:</p><p><a href="{{link}}" style="font-size:18px;font-weight:bold">Choose a new password</a></p><p>It works for {{#hours}}{{hours}} hours{{/hours}}{{^hours}}{{minutes}} minutes{{/hours}}. Or enter this code: <code>{{code}}</code></p><p>If you did not ask for it, your password is unchanged.</p>');
select pg_temp.template('PASSWORD_RESET_CODE', 'EMAIL', 'tpi', 'Senisim paswot bilong THE WANS',
  E'Opim dispela link long makim nupela paswot:\n{{link}}\n\nEm i wok inap {{#hours}}{{hours}} aua{{/hours}}{{^hours}}{{minutes}} minit{{/hours}}. O raitim dispela kod: {{code}}\nSapos yu no askim, paswot i stap olsem tasol.',
  '<p>Makim nupela paswot long THE WANS:</p><p><a href="{{link}}" style="font-size:18px;font-weight:bold">Makim nupela paswot</a></p><p>Em i wok inap {{#hours}}{{hours}} aua{{/hours}}{{^hours}}{{minutes}} minit{{/hours}}. O raitim dispela kod: <code>{{code}}</code></p><p>Sapos yu no askim, paswot i stap olsem tasol.</p>');
select pg_temp.template('PASSWORD_RESET_CODE', 'SMS', 'en', null,
  'THE WANS password reset code: {{code}} (valid {{minutes}} min).', null);
select pg_temp.template('PASSWORD_RESET_CODE', 'SMS', 'tpi', null,
  'Namba bilong senisim paswot long THE WANS: {{code}} (inap {{minutes}} minit).', null);

select pg_temp.template('WELCOME', 'EMAIL', 'en', 'Welcome to THE WANS',
  E'Welcome to THE WANS: films from Papua New Guinea and the Pacific.\nStart watching at {{appUrl}}',
  '<p>Welcome to THE WANS: films from Papua New Guinea and the Pacific.</p><p><a href="{{appUrl}}">Start watching</a></p>');
select pg_temp.template('WELCOME', 'EMAIL', 'tpi', 'Welkam long THE WANS',
  E'Welkam long THE WANS: ol piksa bilong Papua Niugini na Pasifik.\nStatim lukluk long {{appUrl}}',
  '<p>Welkam long THE WANS: ol piksa bilong Papua Niugini na Pasifik.</p><p><a href="{{appUrl}}">Statim lukluk</a></p>');
select pg_temp.template('WELCOME', 'INBOX', 'en', 'Welcome to THE WANS', 'Films from Papua New Guinea and the Pacific are waiting for you.', null);
select pg_temp.template('WELCOME', 'INBOX', 'tpi', 'Welkam long THE WANS', 'Ol piksa bilong Papua Niugini na Pasifik i wet long yu.', null);

select pg_temp.template('PAYMENT_RECEIPT', 'EMAIL', 'en', 'Your receipt: {{amount}}',
  E'Thank you. We received {{amount}} for {{description}}.\n{{#invoiceNumber}}Invoice {{invoiceNumber}}\n{{/invoiceNumber}}Your invoice (PDF): {{invoiceUrl}}',
  '<p>Thank you. We received <strong>{{amount}}</strong> for {{description}}.</p>{{#invoiceNumber}}<p>Invoice {{invoiceNumber}}</p>{{/invoiceNumber}}<p><a href="{{invoiceUrl}}">Your invoice (PDF)</a></p>');
select pg_temp.template('PAYMENT_RECEIPT', 'EMAIL', 'tpi', 'Risit bilong yu: {{amount}}',
  E'Tenkyu. Mipela i kisim {{amount}} bilong {{description}}.\n{{#invoiceNumber}}Invois {{invoiceNumber}}\n{{/invoiceNumber}}Invois bilong yu (PDF): {{invoiceUrl}}',
  '<p>Tenkyu. Mipela i kisim <strong>{{amount}}</strong> bilong {{description}}.</p>{{#invoiceNumber}}<p>Invois {{invoiceNumber}}</p>{{/invoiceNumber}}<p><a href="{{invoiceUrl}}">Invois bilong yu (PDF)</a></p>');
select pg_temp.template('PAYMENT_RECEIPT', 'INBOX', 'en', 'Payment received: {{amount}}', 'For {{description}}. Your invoice: {{invoiceUrl}}', null);
select pg_temp.template('PAYMENT_RECEIPT', 'INBOX', 'tpi', 'Peimen i kam: {{amount}}', 'Bilong {{description}}. Invois: {{invoiceUrl}}', null);

select pg_temp.template('PAYMENT_FAILED', 'EMAIL', 'en', 'Your payment of {{amount}} did not go through',
  E'Your payment of {{amount}} for {{description}} did not go through ({{reason}}). Nothing was charged; you can try again.',
  '<p>Your payment of <strong>{{amount}}</strong> for {{description}} did not go through ({{reason}}).</p><p>Nothing was charged; you can try again.</p>');
select pg_temp.template('PAYMENT_FAILED', 'INBOX', 'en', 'Payment did not go through', '{{amount}} for {{description}}: {{reason}}. Nothing was charged.', null);

select pg_temp.template('SUBSCRIPTION_RENEWED', 'EMAIL', 'en', 'Your {{plan}} subscription is renewed',
  'Your {{plan}} subscription is renewed until {{periodEnd}}.', '<p>Your {{plan}} subscription is renewed until {{periodEnd}}.</p>');
select pg_temp.template('SUBSCRIPTION_RENEWED', 'INBOX', 'en', 'Subscription renewed', '{{plan}} until {{periodEnd}}.', null);
select pg_temp.template('SUBSCRIPTION_PAST_DUE', 'EMAIL', 'en', 'We could not renew your {{plan}} subscription',
  'We could not charge the renewal of your {{plan}} subscription. We will try again; please check your payment method.',
  '<p>We could not charge the renewal of your {{plan}} subscription.</p><p>We will try again; please check your payment method.</p>');
select pg_temp.template('SUBSCRIPTION_PAST_DUE', 'INBOX', 'en', 'Renewal failed', 'Please check the payment method of your {{plan}} subscription.', null);
select pg_temp.template('SUBSCRIPTION_EXPIRING', 'EMAIL', 'en', 'Your {{plan}} subscription ends on {{periodEnd}}',
  'Your {{plan}} subscription ends on {{periodEnd}}. Renew it to keep watching.', '<p>Your {{plan}} subscription ends on {{periodEnd}}.</p><p>Renew it to keep watching.</p>');
select pg_temp.template('SUBSCRIPTION_EXPIRING', 'INBOX', 'en', 'Subscription ends soon', '{{plan}} ends on {{periodEnd}}.', null);
select pg_temp.template('SUBSCRIPTION_EXPIRED', 'EMAIL', 'en', 'Your {{plan}} subscription has ended',
  'Your {{plan}} subscription has ended. You can subscribe again at any time.', '<p>Your {{plan}} subscription has ended.</p><p>You can subscribe again at any time.</p>');
select pg_temp.template('SUBSCRIPTION_EXPIRED', 'INBOX', 'en', 'Subscription ended', 'Your {{plan}} subscription has ended.', null);

select pg_temp.template('RENTAL_GRANTED', 'EMAIL', 'en', 'You rented {{title}}',
  E'You rented {{title}}. You have 30 days to start watching (until {{startBy}}); once you start, you have 48 hours to finish.',
  '<p>You rented <strong>{{title}}</strong>.</p><p>You have 30 days to start watching (until {{startBy}}); once you start, you have 48 hours to finish.</p>');
select pg_temp.template('RENTAL_GRANTED', 'EMAIL', 'tpi', 'Yu rentim {{title}}',
  E'Yu rentim {{title}}. Yu gat 30 de long statim (inap {{startBy}}); taim yu statim, yu gat 48 aua long pinisim.',
  '<p>Yu rentim <strong>{{title}}</strong>.</p><p>Yu gat 30 de long statim (inap {{startBy}}); taim yu statim, yu gat 48 aua long pinisim.</p>');
select pg_temp.template('RENTAL_GRANTED', 'INBOX', 'en', 'Rented: {{title}}', 'Start within 30 days (by {{startBy}}), then you have 48 hours.', null);
select pg_temp.template('RENTAL_GRANTED', 'INBOX', 'tpi', 'Yu rentim: {{title}}', 'Statim insait long 30 de (inap {{startBy}}), na bihain yu gat 48 aua.', null);

select pg_temp.template('FILM_READY', 'EMAIL', 'en', '{{title}} is ready',
  E'{{title}} is transcoded and ready to publish.\n{{filmUrl}}', '<p><strong>{{title}}</strong> is transcoded and ready to publish.</p><p><a href="{{filmUrl}}">Open it in the creator portal</a></p>');
select pg_temp.template('FILM_READY', 'EMAIL', 'tpi', '{{title}} i redi nau',
  E'{{title}} i redi nau long putim long THE WANS.\n{{filmUrl}}', '<p><strong>{{title}}</strong> i redi nau long putim long THE WANS.</p><p><a href="{{filmUrl}}">Opim long creator portal</a></p>');
select pg_temp.template('FILM_READY', 'INBOX', 'en', '{{title}} is ready', 'Transcoding finished; you can publish it now.', null);
select pg_temp.template('FILM_READY', 'INBOX', 'tpi', '{{title}} i redi nau', 'Wok i pinis; yu inap putim nau.', null);
select pg_temp.template('FILM_FAILED', 'EMAIL', 'en', '{{title}} could not be transcoded',
  E'We could not transcode {{title}}: {{reason}}\nPlease upload the master again.', '<p>We could not transcode <strong>{{title}}</strong>: {{reason}}</p><p>Please upload the master again.</p>');
select pg_temp.template('FILM_FAILED', 'EMAIL', 'tpi', '{{title}} i no inap redi',
  E'Mipela i no inap redim {{title}}: {{reason}}\nPlis salim fail gen.', '<p>Mipela i no inap redim <strong>{{title}}</strong>: {{reason}}</p><p>Plis salim fail gen.</p>');
select pg_temp.template('FILM_FAILED', 'INBOX', 'en', '{{title}} could not be transcoded', '{{reason}}', null);
select pg_temp.template('FILM_FAILED', 'INBOX', 'tpi', '{{title}} i no inap redi', '{{reason}}', null);

select pg_temp.template('NEW_RELEASES', 'EMAIL', 'en', 'New on THE WANS',
  E'New films from what you follow:\n{{#films}}- {{title}}: {{url}}\n{{/films}}{{#unsubscribeUrl}}\nNo more release news: {{unsubscribeUrl}}{{/unsubscribeUrl}}',
  '<p>New films from what you follow:</p><ul>{{#films}}<li><a href="{{url}}">{{title}}</a></li>{{/films}}</ul>{{#unsubscribeUrl}}<p style="font-size:12px"><a href="{{unsubscribeUrl}}">No more release news</a></p>{{/unsubscribeUrl}}');
select pg_temp.template('NEW_RELEASES', 'EMAIL', 'tpi', 'Nupela piksa long THE WANS',
  E'Nupela piksa bilong ol samting yu bihainim:\n{{#films}}- {{title}}: {{url}}\n{{/films}}{{#unsubscribeUrl}}\nNo ken salim moa: {{unsubscribeUrl}}{{/unsubscribeUrl}}',
  '<p>Nupela piksa bilong ol samting yu bihainim:</p><ul>{{#films}}<li><a href="{{url}}">{{title}}</a></li>{{/films}}</ul>{{#unsubscribeUrl}}<p style="font-size:12px"><a href="{{unsubscribeUrl}}">No ken salim moa</a></p>{{/unsubscribeUrl}}');
select pg_temp.template('NEW_RELEASES', 'INBOX', 'en', 'New releases', '{{#films}}{{title}}. {{/films}}', null);
select pg_temp.template('NEW_RELEASES', 'INBOX', 'tpi', 'Nupela piksa', '{{#films}}{{title}}. {{/films}}', null);

-- what admins (and services) send by request: the words come with the request
select pg_temp.template('ANNOUNCEMENT', 'EMAIL', 'en', '{{title}}', '{{message}}', '<h2>{{title}}</h2><p>{{message}}</p>');
select pg_temp.template('ANNOUNCEMENT', 'SMS', 'en', null, '{{title}}: {{message}}', null);
select pg_temp.template('ANNOUNCEMENT', 'INBOX', 'en', '{{title}}', '{{message}}', null);
select pg_temp.template('PROMOTION', 'EMAIL', 'en', '{{title}}',
  E'{{message}}{{#unsubscribeUrl}}\n\nNo more promotions: {{unsubscribeUrl}}{{/unsubscribeUrl}}',
  '<h2>{{title}}</h2><p>{{message}}</p>{{#unsubscribeUrl}}<p style="font-size:12px"><a href="{{unsubscribeUrl}}">No more promotions</a></p>{{/unsubscribeUrl}}');
select pg_temp.template('PROMOTION', 'SMS', 'en', null, '{{title}}: {{message}}', null);
select pg_temp.template('PROMOTION', 'INBOX', 'en', '{{title}}', '{{message}}', null);
select pg_temp.template('SYSTEM_ALERT', 'EMAIL', 'en', '{{title}}', '{{message}}', '<h2>{{title}}</h2><p>{{message}}</p>');
select pg_temp.template('SYSTEM_ALERT', 'SMS', 'en', null, '{{title}}: {{message}}', null);
select pg_temp.template('SYSTEM_ALERT', 'INBOX', 'en', '{{title}}', '{{message}}', null);

// casegraph export of `netflix-facebook`: openCypher for Neo4j 5, FalkorDB and Memgraph.
// Idempotent: MERGE on id, SET every property; run it again and nothing changes.

UNWIND [
  {`id`: 'in-re-facebook-consumer-privacy', `name`: 'In re Facebook, Inc. Consumer Privacy User Profile Litigation', `kind`: 'court_case', `aliases`: ['No. 3:18-md-02843-VC', 'Cambridge Analytica class action'], `description`: 'U.S. consumer privacy class action (MDL) arising from the Cambridge Analytica scandal. Settled for $725M.'},
  {`id`: 'klein-v-meta', `name`: 'Klein v. Meta Platforms, Inc.', `kind`: 'court_case', `aliases`: ['Klein v. Facebook, Inc.', 'No. 3:20-cv-08570-JD', '5:20-cv-08570-LHK'], `description`: 'Consolidated antitrust class action (Sherman Act §2 and unjust enrichment) brought by Facebook users ("consumers") and by advertisers. Filed 3 Dec 2020 in San Jose before Judge Lucy H. Koh, later before Judge Donato.', `start`: '2020-12-03', `case_number`: '3:20-cv-08570-JD', `former_case_number`: '5:20-cv-08570-LHK', `claims`: ['Sherman Act §2 monopolization', 'attempted monopolization', 'unjust enrichment']}
] AS row
MERGE (n:Entity {id: row.id})
SET n:`CourtCase`, n.`name` = row.`name`, n.`kind` = row.`kind`, n.`aliases` = row.`aliases`, n.`description` = row.`description`, n.`start` = row.`start`, n.`case_number` = row.`case_number`, n.`former_case_number` = row.`former_case_number`, n.`claims` = row.`claims`;

UNWIND [
  {`id`: 'plaintiffs-letter-2023-04-14', `name`: 'Plaintiffs\' letter to Judge Donato re Reed Hastings subpoena ("special relationship" letter)', `kind`: 'document', `aliases`: ['unsealed Netflix letter'], `description`: 'Discovery letter asking the court to make Hastings respond to a document subpoena. It sets out the Netflix–Facebook allegations. Filed 14 Apr 2023 and made public on 23 Mar 2024. Docket number unverified.', `start`: '2023-04-14'}
] AS row
MERGE (n:Entity {id: row.id})
SET n:`Document`, n.`name` = row.`name`, n.`kind` = row.`kind`, n.`aliases` = row.`aliases`, n.`description` = row.`description`, n.`start` = row.`start`;

UNWIND [
  {`id`: 'facebook-data-scraping-leak', `name`: 'Facebook data-scraping leak (533 million users)', `kind`: 'event', `aliases`: ['2021 Facebook data leak'], `description`: 'A collated dataset of Facebook users\' data from more than 100 countries surfaced online in April 2021. It included names, phone numbers, Facebook IDs, locations, birth dates and emails. The data had been scraped with contact-import and search tools between May 2018 and Sept 2019.', `start`: '2018-05-25', `end`: '2019-09', `users_affected`: 533000000, `countries`: 'more than 100', `data`: ['names', 'phone numbers', 'Facebook IDs', 'locations', 'birth dates', 'email addresses']},
  {`id`: 'facebook-renamed-meta', `name`: 'Facebook renamed Meta', `kind`: 'event', `aliases`: ['Meta rebrand'], `description`: 'Zuckerberg announced at Facebook\'s Connect conference that the parent company would be called Meta. The apps kept their names.', `start`: '2021-10-28'}
] AS row
MERGE (n:Entity {id: row.id})
SET n:`Event`, n.`name` = row.`name`, n.`kind` = row.`kind`, n.`aliases` = row.`aliases`, n.`description` = row.`description`, n.`start` = row.`start`, n.`end` = row.`end`, n.`users_affected` = row.`users_affected`, n.`countries` = row.`countries`, n.`data` = row.`data`;

UNWIND [
  {`id`: 'ftc', `name`: 'U.S. Federal Trade Commission', `kind`: 'government', `aliases`: ['FTC'], `description`: 'U.S. consumer-protection agency. In 2019 it imposed a $5B penalty on Facebook for violating a 2012 FTC privacy order.'},
  {`id`: 'irish-dpc', `name`: 'Data Protection Commission (Ireland)', `kind`: 'government', `aliases`: ['DPC', 'Irish Data Protection Commission'], `description`: 'Ireland\'s data regulator and Meta\'s lead EU GDPR supervisor. Fined Meta Platforms Ireland €265M over the Facebook data scraping.'},
  {`id`: 'us-district-court-ndcal', `name`: 'U.S. District Court for the Northern District of California', `kind`: 'government', `aliases`: ['N.D. Cal.'], `description`: 'Federal trial court that hears Klein v. Meta and the Cambridge Analytica MDL.'}
] AS row
MERGE (n:Entity {id: row.id})
SET n:`Government`, n.`name` = row.`name`, n.`kind` = row.`kind`, n.`aliases` = row.`aliases`, n.`description` = row.`description`;

UNWIND [
  {`id`: 'amazon', `name`: 'Amazon', `kind`: 'organization', `aliases`: [], `description`: 'Named by the NYT: could obtain users\' names and contact information through their friends.'},
  {`id`: 'ars-technica', `name`: 'Ars Technica', `kind`: 'organization', `aliases`: [], `description`: 'Technology news site. Its March 2024 report gave the letter\'s filing date (14 Apr 2023).'},
  {`id`: 'cambridge-analytica', `name`: 'Cambridge Analytica', `kind`: 'organization', `aliases`: [], `description`: 'British political consulting firm, now defunct, that worked for the Trump 2016 campaign. By Facebook\'s estimate it obtained data on up to 87 million Facebook users through an app developer; the firm said no more than 30 million.'},
  {`id`: 'daily-mail', `name`: 'Daily Mail', `kind`: 'organization', `aliases`: ['MailOnline'], `description`: 'UK newspaper and website. Reported the unsealed filing on 2 Apr 2024.'},
  {`id`: 'fox-business', `name`: 'FOX Business', `kind`: 'organization', `aliases`: ['Fox Business Network'], `description`: 'U.S. business news outlet. Published seed 000. Reported the 2022 DPC fine.'},
  {`id`: 'meta', `name`: 'Meta Platforms, Inc.', `kind`: 'organization', `aliases`: ['Facebook, Inc.', 'Meta', 'Facebook (the company)'], `description`: 'Company behind the Facebook social network and Messenger. Founded as Facebook; the parent company was renamed Meta on 28 Oct 2021. Defendant in Klein v. Meta.'},
  {`id`: 'meta-platforms-ireland', `name`: 'Meta Platforms Ireland Limited', `kind`: 'organization', `aliases`: ['MPIL', 'Facebook Ireland Limited'], `description`: 'Meta\'s Irish entity and data controller for the Facebook service in the EU. Addressee of the DPC decision.'},
  {`id`: 'microsoft', `name`: 'Microsoft', `kind`: 'organization', `aliases`: ['Microsoft Bing'], `description`: 'Named by the NYT: its Bing search engine could see the names of virtually all users\' friends without consent.'},
  {`id`: 'netflix', `name`: 'Netflix, Inc.', `kind`: 'organization', `aliases`: ['Netflix'], `description`: 'Streaming company co-founded by Reed Hastings and Marc Randolph. Not a party to Klein v. Meta, whose plaintiffs allege it bought hundreds of millions of dollars of Facebook ads.', `start`: '1997'},
  {`id`: 'new-york-times', `name`: 'The New York Times', `kind`: 'organization', `aliases`: ['NYT'], `description`: 'U.S. newspaper. Its 18 Dec 2018 investigation covered Facebook\'s data-sharing partnerships.'},
  {`id`: 'royal-bank-of-canada', `name`: 'Royal Bank of Canada', `kind`: 'organization', `aliases`: ['RBC'], `description`: 'Canadian bank named by the NYT (2018) as able to read, write and delete users\' messages. RBC disputed this.'},
  {`id`: 'spotify', `name`: 'Spotify', `kind`: 'organization', `aliases`: [], `description`: 'Music streaming company. The NYT reported in 2018 that it could read users\' private Facebook messages.'},
  {`id`: 'techcrunch', `name`: 'TechCrunch', `kind`: 'organization', `aliases`: [], `description`: 'Technology news site. Reported Meta\'s denial on 2 Apr 2024.'},
  {`id`: 'yahoo', `name`: 'Yahoo', `kind`: 'organization', `aliases`: [], `description`: 'Named by the NYT: could view streams of friends\' posts.'}
] AS row
MERGE (n:Entity {id: row.id})
SET n:`Organization`, n.`name` = row.`name`, n.`kind` = row.`kind`, n.`aliases` = row.`aliases`, n.`description` = row.`description`, n.`start` = row.`start`;

UNWIND [
  {`id`: 'andy-stone', `name`: 'Andy Stone', `kind`: 'person', `aliases`: [], `description`: 'Meta\'s communications director. On 2 Apr 2024 he denied on X that Meta shared private messages with Netflix.'},
  {`id`: 'brian-dunne', `name`: 'Brian J. Dunne', `kind`: 'person', `aliases`: [], `description`: 'Plaintiffs\' attorney (Bathaee Dunne LLP, interim co-lead advertiser class counsel). IndieWire names him as author of the April 2023 letter to Judge Donato.'},
  {`id`: 'elon-musk', `name`: 'Elon Musk', `kind`: 'person', `aliases`: [], `description`: 'Owner of X. He amplified posts about the claim by replying "Wow" and "Yup".'},
  {`id`: 'fidji-simo', `name`: 'Fidji Simo', `kind`: 'person', `aliases`: [], `description`: 'Head of Facebook Watch in 2018. According to the filing as reported, Zuckerberg emailed her in May 2018 about a $750M budget cut.'},
  {`id`: 'james-donato', `name`: 'James Donato', `kind`: 'person', `aliases`: ['Judge Donato'], `description`: 'U.S. District Judge, N.D. Cal. Presiding judge of Klein v. Meta (3:20-cv-08570-JD) by 2022; the April 2023 letter was addressed to him.'},
  {`id`: 'mark-zuckerberg', `name`: 'Mark Zuckerberg', `kind`: 'person', `aliases`: [], `description`: 'Facebook founder; CEO of Facebook/Meta. Announced the Meta name on 28 Oct 2021. Allegedly ordered the 2018 cut to Watch\'s budget.'},
  {`id`: 'maximilian-klein', `name`: 'Maximilian Klein', `kind`: 'person', `aliases`: [], `description`: 'Named consumer (Facebook user) plaintiff; co-filed the class action complaint of 3 Dec 2020.'},
  {`id`: 'reed-hastings', `name`: 'Reed Hastings', `kind`: 'person', `aliases`: ['Wilmot Reed Hastings Jr.'], `description`: 'Netflix co-founder and long-time CEO; executive chairman from 19 Jan 2023. Facebook director 2011–2019. The plaintiffs subpoenaed him for documents.'},
  {`id`: 'sarah-grabert', `name`: 'Sarah Grabert', `kind`: 'person', `aliases`: [], `description`: 'Named consumer (Facebook user) plaintiff; co-filed the class action complaint of 3 Dec 2020.'},
  {`id`: 'sheryl-sandberg', `name`: 'Sheryl Sandberg', `kind`: 'person', `aliases`: [], `description`: 'Facebook\'s chief operating officer, who joined the company in 2008; when she left the role is unverified (reports of 2024 call her "the then-COO"). Named with Zuckerberg as Hastings\'s direct contact in the letter.'},
  {`id`: 'vince-chhabria', `name`: 'Vince Chhabria', `kind`: 'person', `aliases`: [], `description`: 'U.S. District Judge, N.D. Cal. Oversaw the Cambridge Analytica consumer privacy MDL that settled for $725M.'}
] AS row
MERGE (n:Entity {id: row.id})
SET n:`Person`, n.`name` = row.`name`, n.`kind` = row.`kind`, n.`aliases` = row.`aliases`, n.`description` = row.`description`;

UNWIND [
  {`id`: 'facebook', `name`: 'Facebook', `kind`: 'product', `aliases`: ['Facebook social network'], `description`: 'Meta\'s social networking service. The Klein allegations are directed at it.', `start`: '2004'},
  {`id`: 'facebook-messenger', `name`: 'Facebook Messenger', `kind`: 'product', `aliases`: ['Messenger'], `description`: 'Facebook\'s private messaging service. Netflix\'s 2014–2015 recommendation feature sent through it.'},
  {`id`: 'facebook-watch', `name`: 'Facebook Watch', `kind`: 'product', `aliases`: ['Watch'], `description`: 'Facebook\'s video and streaming service with original shows. The plaintiffs allege Facebook cut it back to protect the Netflix relationship.', `start`: '2017-08', `end`: '2023-04'},
  {`id`: 'inbox-api', `name`: 'Inbox API', `kind`: 'product', `aliases`: ['Facebook Extended API (Inbox)'], `description`: 'A private Facebook API named in the plaintiffs\' letter, which alleges that it gave Netflix "programmatic access" to users\' private message inboxes under a "Facebook Extended API" agreement.'},
  {`id`: 'titan-api', `name`: 'Titan API', `kind`: 'product', `aliases`: [], `description`: 'A private Facebook API for whitelisted partners that, the plaintiffs allege, covered among other things users\' "messaging app and non-app friends". Allegedly given to Netflix in August 2013.'}
] AS row
MERGE (n:Entity {id: row.id})
SET n:`Product`, n.`name` = row.`name`, n.`kind` = row.`kind`, n.`aliases` = row.`aliases`, n.`description` = row.`description`, n.`start` = row.`start`, n.`end` = row.`end`;

UNWIND [
  {`id`: 'netflix.advertised_on.facebook', `from`: 'netflix', `to`: 'facebook', `type`: 'advertised_on', `label`: 'advertised on', `directed`: true, `status`: 'alleged', `start`: '2011', `end`: '2019', `citations`: 2, `sources`: ['notthebee-2024', 'nexttv-2024'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`ADVERTISED_ON` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`start` = row.`start`, r.`end` = row.`end`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'elon-musk.amplified.plaintiffs-letter-2023-04-14', `from`: 'elon-musk', `to`: 'plaintiffs-letter-2023-04-14', `type`: 'amplified', `label`: 'amplified', `directed`: true, `status`: 'reported', `date`: '2024', `citations`: 2, `sources`: ['techcrunch-2024-04-02', 'seed-003-techcrunch-summary'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`AMPLIFIED` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`date` = row.`date`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'mark-zuckerberg.announced.facebook-renamed-meta', `from`: 'mark-zuckerberg', `to`: 'facebook-renamed-meta', `type`: 'announced', `label`: 'announced', `directed`: true, `status`: 'confirmed', `date`: '2021-10-28', `citations`: 1, `sources`: ['globalnews-2021-10-28'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`ANNOUNCED` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`date` = row.`date`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'brian-dunne.authored.plaintiffs-letter-2023-04-14', `from`: 'brian-dunne', `to`: 'plaintiffs-letter-2023-04-14', `type`: 'authored', `label`: 'authored', `directed`: true, `status`: 'reported', `date`: '2023-04-14', `citations`: 1, `sources`: ['indiewire-2024-04'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`AUTHORED` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`date` = row.`date`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'reed-hastings.board_member_of.meta', `from`: 'reed-hastings', `to`: 'meta', `type`: 'board_member_of', `label`: 'board member of', `directed`: true, `status`: 'confirmed', `start`: '2011', `end`: '2019-05-30', `citations`: 4, `sources`: ['wsj-2019-04-13', 'hollywoodreporter-2019-04-12', 'movieguide-2024', 'businessinsider-2020-03-13'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`BOARD_MEMBER_OF` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`start` = row.`start`, r.`end` = row.`end`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'mark-zuckerberg.ceo_of.meta', `from`: 'mark-zuckerberg', `to`: 'meta', `type`: 'ceo_of', `label`: 'ceo of', `directed`: true, `status`: 'confirmed', `citations`: 2, `sources`: ['sec-fb-2019-10-30', 'globalnews-2021-10-28'], `disputed_by`: []},
  {`id`: 'reed-hastings.ceo_of.netflix', `from`: 'reed-hastings', `to`: 'netflix', `type`: 'ceo_of', `label`: 'ceo of', `directed`: true, `status`: 'confirmed', `end`: '2023-01-19', `citations`: 3, `sources`: ['thestreamable-2023-01', 'britannica-hastings', 'engadget-2023-01-19'], `disputed_by`: [], `start_reported`: ['1998', '1999'], `co_ceo_from`: '2020-07', `co_ceo_with`: 'Ted Sarandos'}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`CEO_OF` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`, r.`end` = row.`end`, r.`start_reported` = row.`start_reported`, r.`co_ceo_from` = row.`co_ceo_from`, r.`co_ceo_with` = row.`co_ceo_with`;

UNWIND [
  {`id`: 'reed-hastings.co_founded.netflix', `from`: 'reed-hastings', `to`: 'netflix', `type`: 'co_founded', `label`: 'co founded', `directed`: true, `status`: 'confirmed', `date`: '1997', `citations`: 2, `sources`: ['thehill-2023-01-19', 'britannica-hastings'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`CO_FOUNDED` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`date` = row.`date`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'andy-stone.communications_director_of.meta', `from`: 'andy-stone', `to`: 'meta', `type`: 'communications_director_of', `label`: 'communications director of', `directed`: true, `status`: 'confirmed', `date`: '2024-04-02', `citations`: 1, `sources`: ['techcrunch-2024-04-02'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`COMMUNICATIONS_DIRECTOR_OF` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`date` = row.`date`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'facebook-watch.competitor_of.netflix', `from`: 'facebook-watch', `to`: 'netflix', `type`: 'competitor_of', `label`: 'competitor of', `directed`: false, `status`: 'reported', `start`: '2017', `end`: '2019', `citations`: 2, `sources`: ['cnn-2019-04', 'nexttv-2024'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`COMPETITOR_OF` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`start` = row.`start`, r.`end` = row.`end`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'in-re-facebook-consumer-privacy.concerns.cambridge-analytica', `from`: 'in-re-facebook-consumer-privacy', `to`: 'cambridge-analytica', `type`: 'concerns', `label`: 'concerns', `directed`: true, `status`: 'confirmed', `citations`: 2, `sources`: ['kellerrohrback-2022-12-23', 'reuters-2022-12-23'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`CONCERNS` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'netflix.confidentiality_agreement_with.meta', `from`: 'netflix', `to`: 'meta', `type`: 'confidentiality_agreement_with', `label`: 'confidentiality agreement with', `directed`: true, `status`: 'alleged', `start`: '2013', `citations`: 2, `sources`: ['notthebee-2024', 'techcrunch-2024-04-02'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`CONFIDENTIALITY_AGREEMENT_WITH` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`start` = row.`start`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'sheryl-sandberg.coo_of.meta', `from`: 'sheryl-sandberg', `to`: 'meta', `type`: 'coo_of', `label`: 'coo of', `directed`: true, `status`: 'confirmed', `start`: '2008', `end`: '2019', `citations`: 1, `sources`: ['hispanicbusiness-2012-06-27'], `disputed_by`: [], `end_unverified`: true, `end_note`: 'No source in FACTS.md gives the date her COO role ended (FACTS.md §5). The end recorded, 2019, is the last year a cited source places her in the role: the plaintiffs\' letter, as reported in 2024 (movieguide-2024), names "the then-COO, Sheryl Sandberg" as Hastings\'s contact in 2011-2019. "Then-COO" in 2024 means she no longer held the role by 2024; she may have held it after 2019.'}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`COO_OF` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`start` = row.`start`, r.`end` = row.`end`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`, r.`end_unverified` = row.`end_unverified`, r.`end_note` = row.`end_note`;

UNWIND [
  {`id`: 'brian-dunne.counsel_in.klein-v-meta', `from`: 'brian-dunne', `to`: 'klein-v-meta', `type`: 'counsel_in', `label`: 'counsel in', `directed`: true, `status`: 'confirmed', `start`: '2021', `citations`: 2, `sources`: ['klein-dkt116-2021-07-05', 'klein-order-2022-03-11'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`COUNSEL_IN` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`start` = row.`start`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'mark-zuckerberg.cut_budget_of.facebook-watch', `from`: 'mark-zuckerberg', `to`: 'facebook-watch', `type`: 'cut_budget_of', `label`: 'cut budget of', `directed`: true, `status`: 'alleged', `date`: '2018-05', `amount`: 750000000, `currency`: 'USD', `citations`: 1, `sources`: ['speedguide-2024-03-29'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`CUT_BUDGET_OF` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`date` = row.`date`, r.`amount` = row.`amount`, r.`currency` = row.`currency`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'netflix.data_sharing_agreement_with.meta', `from`: 'netflix', `to`: 'meta', `type`: 'data_sharing_agreement_with', `label`: 'data sharing agreement with', `directed`: true, `status`: 'alleged', `start`: '2011', `citations`: 2, `sources`: ['notthebee-2024', 'dailymail-2024-04-02'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`DATA_SHARING_AGREEMENT_WITH` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`start` = row.`start`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'meta.defendant_in.in-re-facebook-consumer-privacy', `from`: 'meta', `to`: 'in-re-facebook-consumer-privacy', `type`: 'defendant_in', `label`: 'defendant in', `directed`: true, `status`: 'confirmed', `start`: '2018', `citations`: 1, `sources`: ['kellerrohrback-2022-12-23'], `disputed_by`: []},
  {`id`: 'meta.defendant_in.klein-v-meta', `from`: 'meta', `to`: 'klein-v-meta', `type`: 'defendant_in', `label`: 'defendant in', `directed`: true, `status`: 'confirmed', `start`: '2020-12-03', `citations`: 2, `sources`: ['klein-complaint-2020-12-03', 'klein-order-2022-12-06'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`DEFENDANT_IN` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`start` = row.`start`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'andy-stone.denied.plaintiffs-letter-2023-04-14', `from`: 'andy-stone', `to`: 'plaintiffs-letter-2023-04-14', `type`: 'denied', `label`: 'denied', `directed`: true, `status`: 'confirmed', `date`: '2024-04-02', `citations`: 2, `sources`: ['techcrunch-2024-04-02', 'seed-003-techcrunch-summary'], `disputed_by`: []},
  {`id`: 'meta.denied.plaintiffs-letter-2023-04-14', `from`: 'meta', `to`: 'plaintiffs-letter-2023-04-14', `type`: 'denied', `label`: 'denied', `directed`: true, `status`: 'confirmed', `date`: '2024-04-02', `citations`: 2, `sources`: ['techcrunch-2024-04-02', 'seed-000-foxbusiness'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`DENIED` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`date` = row.`date`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'reed-hastings.directed_partnership_with.meta', `from`: 'reed-hastings', `to`: 'meta', `type`: 'directed_partnership_with', `label`: 'directed partnership with', `directed`: true, `status`: 'alleged', `start`: '2011', `end`: '2019', `citations`: 2, `sources`: ['nexttv-2024', 'indiewire-2024-04'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`DIRECTED_PARTNERSHIP_WITH` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`start` = row.`start`, r.`end` = row.`end`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'reed-hastings.executive_chairman_of.netflix', `from`: 'reed-hastings', `to`: 'netflix', `type`: 'executive_chairman_of', `label`: 'executive chairman of', `directed`: true, `status`: 'confirmed', `start`: '2023-01-19', `citations`: 2, `sources`: ['engadget-2023-01-19', 'thehill-2023-01-19'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`EXECUTIVE_CHAIRMAN_OF` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`start` = row.`start`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'plaintiffs-letter-2023-04-14.filed_in.klein-v-meta', `from`: 'plaintiffs-letter-2023-04-14', `to`: 'klein-v-meta', `type`: 'filed_in', `label`: 'filed in', `directed`: true, `status`: 'reported', `date`: '2023-04-14', `citations`: 1, `sources`: ['arstechnica-2024-03'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`FILED_IN` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`date` = row.`date`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'ftc.fined.meta', `from`: 'ftc', `to`: 'meta', `type`: 'fined', `label`: 'fined', `directed`: true, `status`: 'confirmed', `date`: '2019-07-24', `amount`: 5000000000, `currency`: 'USD', `citations`: 2, `sources`: ['ftc-2019-07-24', 'dailybeast-2019-07-24'], `disputed_by`: []},
  {`id`: 'irish-dpc.fined.meta-platforms-ireland', `from`: 'irish-dpc', `to`: 'meta-platforms-ireland', `type`: 'fined', `label`: 'fined', `directed`: true, `status`: 'confirmed', `date`: '2022-11-25', `amount`: 265000000, `currency`: 'EUR', `citations`: 4, `sources`: ['irishlegal-2022-11-28', 'edpb-summary-2022-12-01', 'irishexaminer-2022-11-28', 'foxbusiness-2022-11-28'], `disputed_by`: [], `legal_basis`: 'GDPR Art. 25(1), 25(2)', `usd_equivalent_reported`: [276000000, 277000000, 284000000], `announced`: '2022-11-28'}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`FINED` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`date` = row.`date`, r.`amount` = row.`amount`, r.`currency` = row.`currency`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`, r.`legal_basis` = row.`legal_basis`, r.`usd_equivalent_reported` = row.`usd_equivalent_reported`, r.`announced` = row.`announced`;

UNWIND [
  {`id`: 'mark-zuckerberg.founded.facebook', `from`: 'mark-zuckerberg', `to`: 'facebook', `type`: 'founded', `label`: 'founded', `directed`: true, `status`: 'confirmed', `date`: '2004', `citations`: 2, `sources`: ['sec-fb-2019-10-30', 'hispanicbusiness-2012-06-27'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`FOUNDED` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`date` = row.`date`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'meta.gave_data_access_to.amazon', `from`: 'meta', `to`: 'amazon', `type`: 'gave_data_access_to', `label`: 'gave data access to', `directed`: true, `status`: 'reported', `date`: '2017', `citations`: 1, `sources`: ['nyt-2018-12-18'], `disputed_by`: []},
  {`id`: 'meta.gave_data_access_to.microsoft', `from`: 'meta', `to`: 'microsoft', `type`: 'gave_data_access_to', `label`: 'gave data access to', `directed`: true, `status`: 'reported', `date`: '2017', `citations`: 1, `sources`: ['nyt-2018-12-18'], `disputed_by`: []},
  {`id`: 'meta.gave_data_access_to.yahoo', `from`: 'meta', `to`: 'yahoo', `type`: 'gave_data_access_to', `label`: 'gave data access to', `directed`: true, `status`: 'reported', `date`: '2017', `citations`: 1, `sources`: ['nyt-2018-12-18'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`GAVE_DATA_ACCESS_TO` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`date` = row.`date`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'meta.gave_message_access_to.netflix', `from`: 'meta', `to`: 'netflix', `type`: 'gave_message_access_to', `label`: 'gave message access to', `directed`: true, `status`: 'reported', `date`: '2017', `citations`: 2, `sources`: ['nyt-2018-12-18', 'thewrap-2018-12'], `disputed_by`: ['netflix', 'meta']},
  {`id`: 'meta.gave_message_access_to.royal-bank-of-canada', `from`: 'meta', `to`: 'royal-bank-of-canada', `type`: 'gave_message_access_to', `label`: 'gave message access to', `directed`: true, `status`: 'reported', `date`: '2017', `citations`: 2, `sources`: ['cbc-2018-12', 'globeandmail-2018-12'], `disputed_by`: ['royal-bank-of-canada']},
  {`id`: 'meta.gave_message_access_to.spotify', `from`: 'meta', `to`: 'spotify', `type`: 'gave_message_access_to', `label`: 'gave message access to', `directed`: true, `status`: 'reported', `date`: '2017', `citations`: 2, `sources`: ['nyt-2018-12-18', 'thewrap-2018-12'], `disputed_by`: ['spotify']}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`GAVE_MESSAGE_ACCESS_TO` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`date` = row.`date`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'netflix.guaranteed_ad_spend_to.meta', `from`: 'netflix', `to`: 'meta', `type`: 'guaranteed_ad_spend_to', `label`: 'guaranteed ad spend to', `directed`: true, `status`: 'alleged', `date`: '2017', `amount`: 150000000, `currency`: 'USD', `citations`: 2, `sources`: ['seed-000-foxbusiness', 'tachlisdaily-2024'], `disputed_by`: [], `chronology_note`: 'Sources disagree on when the $150M level was reached (FACTS.md D9). The FOX Business seed and its rewrites (tachlisdaily-2024) say Netflix "was guaranteed $150 million in ad spending in 2017". IndieWire (indiewire-2024-04), quoting the letter, has Netflix at about $40M a year before Watch launched in August 2017, rising to $150M after the 2018 Watch budget cut and to about $200M two years later; Next TV (nexttv-2024) has "$150 million - $200 million in 2019". The filing\'s own sentence was not seen, so the 2017 guarantee is alleged and not verified against the filing.', `verified_against_filing`: false}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`GUARANTEED_AD_SPEND_TO` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`date` = row.`date`, r.`amount` = row.`amount`, r.`currency` = row.`currency`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`, r.`chronology_note` = row.`chronology_note`, r.`verified_against_filing` = row.`verified_against_filing`;

UNWIND [
  {`id`: 'netflix.had_api_access_to.inbox-api', `from`: 'netflix', `to`: 'inbox-api', `type`: 'had_api_access_to', `label`: 'had api access to', `directed`: true, `status`: 'alleged', `start`: '2013', `citations`: 3, `sources`: ['notthebee-2024', 'zerohedge-2024-04-02', 'techcrunch-2024-04-02'], `disputed_by`: []},
  {`id`: 'netflix.had_api_access_to.titan-api', `from`: 'netflix', `to`: 'titan-api', `type`: 'had_api_access_to', `label`: 'had api access to', `directed`: true, `status`: 'alleged', `start`: '2013-08', `citations`: 2, `sources`: ['zerohedge-2024-04-02', 'notthebee-2024'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`HAD_API_ACCESS_TO` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`start` = row.`start`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'fidji-simo.headed.facebook-watch', `from`: 'fidji-simo', `to`: 'facebook-watch', `type`: 'headed', `label`: 'headed', `directed`: true, `status`: 'reported', `date`: '2018-05', `citations`: 1, `sources`: ['speedguide-2024-03-29'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`HEADED` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`date` = row.`date`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'netflix.integrated_with.facebook-messenger', `from`: 'netflix', `to`: 'facebook-messenger', `type`: 'integrated_with', `label`: 'integrated with', `directed`: true, `status`: 'confirmed', `start`: '2014', `end`: '2015', `citations`: 1, `sources`: ['fastcompany-2018-12'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`INTEGRATED_WITH` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`start` = row.`start`, r.`end` = row.`end`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'irish-dpc.investigated.facebook-data-scraping-leak', `from`: 'irish-dpc', `to`: 'facebook-data-scraping-leak', `type`: 'investigated', `label`: 'investigated', `directed`: true, `status`: 'confirmed', `start`: '2021-04-14', `end`: '2022-11-25', `citations`: 2, `sources`: ['irishlegal-2022-11-28', 'edpb-summary-2022-12-01'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`INVESTIGATED` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`start` = row.`start`, r.`end` = row.`end`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'reed-hastings.negotiated_with.mark-zuckerberg', `from`: 'reed-hastings', `to`: 'mark-zuckerberg', `type`: 'negotiated_with', `label`: 'negotiated with', `directed`: true, `status`: 'alleged', `start`: '2011', `end`: '2019', `citations`: 2, `sources`: ['movieguide-2024', 'indiewire-2024-04'], `disputed_by`: []},
  {`id`: 'reed-hastings.negotiated_with.sheryl-sandberg', `from`: 'reed-hastings', `to`: 'sheryl-sandberg', `type`: 'negotiated_with', `label`: 'negotiated with', `directed`: true, `status`: 'alleged', `start`: '2011', `end`: '2019', `citations`: 2, `sources`: ['movieguide-2024', 'indiewire-2024-04'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`NEGOTIATED_WITH` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`start` = row.`start`, r.`end` = row.`end`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'cambridge-analytica.obtained_data_from.facebook', `from`: 'cambridge-analytica', `to`: 'facebook', `type`: 'obtained_data_from', `label`: 'obtained data from', `directed`: true, `status`: 'reported', `date`: '2018-03', `citations`: 3, `sources`: ['nbcnews-2018-04-06', 'ap-2022-12-23', 'kellerrohrback-2022-12-23'], `disputed_by`: ['cambridge-analytica'], `users_affected`: 87000000}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`OBTAINED_DATA_FROM` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`date` = row.`date`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`, r.`users_affected` = row.`users_affected`;

UNWIND [
  {`id`: 'meta.operates.facebook', `from`: 'meta', `to`: 'facebook', `type`: 'operates', `label`: 'operates', `directed`: true, `status`: 'confirmed', `citations`: 1, `sources`: ['klein-order-2022-12-06'], `disputed_by`: []},
  {`id`: 'meta.operates.facebook-messenger', `from`: 'meta', `to`: 'facebook-messenger', `type`: 'operates', `label`: 'operates', `directed`: true, `status`: 'confirmed', `citations`: 2, `sources`: ['firstpost-2018-12', 'fastcompany-2018-12'], `disputed_by`: []},
  {`id`: 'meta.operates.facebook-watch', `from`: 'meta', `to`: 'facebook-watch', `type`: 'operates', `label`: 'operates', `directed`: true, `status`: 'reported', `start`: '2017-08', `end`: '2023-04', `citations`: 2, `sources`: ['indiewire-2024-04', 'arstechnica-2024-03'], `disputed_by`: []},
  {`id`: 'meta.operates.inbox-api', `from`: 'meta', `to`: 'inbox-api', `type`: 'operates', `label`: 'operates', `directed`: true, `status`: 'alleged', `date`: '2013', `citations`: 1, `sources`: ['notthebee-2024'], `disputed_by`: []},
  {`id`: 'meta.operates.titan-api', `from`: 'meta', `to`: 'titan-api', `type`: 'operates', `label`: 'operates', `directed`: true, `status`: 'alleged', `date`: '2013-08', `citations`: 1, `sources`: ['zerohedge-2024-04-02'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`OPERATES` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`, r.`start` = row.`start`, r.`end` = row.`end`, r.`date` = row.`date`;

UNWIND [
  {`id`: 'netflix.paid.meta', `from`: 'netflix', `to`: 'meta', `type`: 'paid', `label`: 'paid', `directed`: true, `status`: 'alleged', `date`: '2015', `amount`: 40000000, `currency`: 'USD', `citations`: 2, `sources`: ['movieguide-2024', 'indiewire-2024-04'], `disputed_by`: []},
  {`id`: 'netflix.paid.meta.2', `from`: 'netflix', `to`: 'meta', `type`: 'paid', `label`: 'paid', `directed`: true, `status`: 'alleged', `date`: '2019', `amount`: 200000000, `currency`: 'USD', `citations`: 2, `sources`: ['nexttv-2024', 'indiewire-2024-04'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`PAID` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`date` = row.`date`, r.`amount` = row.`amount`, r.`currency` = row.`currency`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'in-re-facebook-consumer-privacy.pending_before.us-district-court-ndcal', `from`: 'in-re-facebook-consumer-privacy', `to`: 'us-district-court-ndcal', `type`: 'pending_before', `label`: 'pending before', `directed`: true, `status`: 'confirmed', `start`: '2018', `citations`: 1, `sources`: ['kellerrohrback-2022-12-23'], `disputed_by`: []},
  {`id`: 'klein-v-meta.pending_before.us-district-court-ndcal', `from`: 'klein-v-meta', `to`: 'us-district-court-ndcal', `type`: 'pending_before', `label`: 'pending before', `directed`: true, `status`: 'confirmed', `start`: '2020-12-03', `citations`: 2, `sources`: ['klein-complaint-2020-12-03', 'klein-order-2022-08-31'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`PENDING_BEFORE` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`start` = row.`start`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'maximilian-klein.plaintiff_in.klein-v-meta', `from`: 'maximilian-klein', `to`: 'klein-v-meta', `type`: 'plaintiff_in', `label`: 'plaintiff in', `directed`: true, `status`: 'confirmed', `start`: '2020-12-03', `citations`: 1, `sources`: ['klein-complaint-2020-12-03'], `disputed_by`: []},
  {`id`: 'sarah-grabert.plaintiff_in.klein-v-meta', `from`: 'sarah-grabert', `to`: 'klein-v-meta', `type`: 'plaintiff_in', `label`: 'plaintiff in', `directed`: true, `status`: 'confirmed', `start`: '2020-12-03', `citations`: 1, `sources`: ['klein-complaint-2020-12-03'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`PLAINTIFF_IN` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`start` = row.`start`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'james-donato.presides_over.klein-v-meta', `from`: 'james-donato', `to`: 'klein-v-meta', `type`: 'presides_over', `label`: 'presides over', `directed`: true, `status`: 'confirmed', `start`: '2022', `citations`: 2, `sources`: ['klein-order-2022-08-31', 'klein-order-2022-12-06'], `disputed_by`: []},
  {`id`: 'vince-chhabria.presides_over.in-re-facebook-consumer-privacy', `from`: 'vince-chhabria', `to`: 'in-re-facebook-consumer-privacy', `type`: 'presides_over', `label`: 'presides over', `directed`: true, `status`: 'confirmed', `citations`: 1, `sources`: ['kellerrohrback-2022-12-23'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`PRESIDES_OVER` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`start` = row.`start`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'netflix.provided_reports_to.meta', `from`: 'netflix', `to`: 'meta', `type`: 'provided_reports_to', `label`: 'provided reports to', `directed`: true, `status`: 'alleged', `start`: '2013', `citations`: 2, `sources`: ['notthebee-2024', 'zerohedge-2024-04-02'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`PROVIDED_REPORTS_TO` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`start` = row.`start`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'meta.reduced_investment_in.facebook-watch', `from`: 'meta', `to`: 'facebook-watch', `type`: 'reduced_investment_in', `label`: 'reduced investment in', `directed`: true, `status`: 'alleged', `start`: '2018', `citations`: 2, `sources`: ['techcrunch-2024-04-02', 'slashdot-gizmodo-2024-03-28'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`REDUCED_INVESTMENT_IN` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`start` = row.`start`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'meta.renamed_in.facebook-renamed-meta', `from`: 'meta', `to`: 'facebook-renamed-meta', `type`: 'renamed_in', `label`: 'renamed in', `directed`: true, `status`: 'confirmed', `date`: '2021-10-28', `citations`: 3, `sources`: ['globalnews-2021-10-28', 'klein-order-2022-02-23', 'dailymail-2024-04-02'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`RENAMED_IN` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`date` = row.`date`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'ars-technica.reported_on.klein-v-meta', `from`: 'ars-technica', `to`: 'klein-v-meta', `type`: 'reported_on', `label`: 'reported on', `directed`: true, `status`: 'confirmed', `date`: '2024-03', `citations`: 1, `sources`: ['arstechnica-2024-03'], `disputed_by`: []},
  {`id`: 'daily-mail.reported_on.irish-dpc', `from`: 'daily-mail', `to`: 'irish-dpc', `type`: 'reported_on', `label`: 'reported on', `directed`: true, `status`: 'confirmed', `date`: '2024-04-02', `citations`: 1, `sources`: ['dailymail-2024-04-02'], `disputed_by`: []},
  {`id`: 'daily-mail.reported_on.klein-v-meta', `from`: 'daily-mail', `to`: 'klein-v-meta', `type`: 'reported_on', `label`: 'reported on', `directed`: true, `status`: 'confirmed', `date`: '2024-04-02', `citations`: 1, `sources`: ['dailymail-2024-04-02'], `disputed_by`: []},
  {`id`: 'fox-business.reported_on.klein-v-meta', `from`: 'fox-business', `to`: 'klein-v-meta', `type`: 'reported_on', `label`: 'reported on', `directed`: true, `status`: 'reported', `date`: '2024', `citations`: 1, `sources`: ['seed-000-foxbusiness'], `disputed_by`: []},
  {`id`: 'new-york-times.reported_on.meta', `from`: 'new-york-times', `to`: 'meta', `type`: 'reported_on', `label`: 'reported on', `directed`: true, `status`: 'confirmed', `date`: '2018-12-18', `citations`: 1, `sources`: ['nyt-2018-12-18'], `disputed_by`: []},
  {`id`: 'techcrunch.reported_on.klein-v-meta', `from`: 'techcrunch', `to`: 'klein-v-meta', `type`: 'reported_on', `label`: 'reported on', `directed`: true, `status`: 'confirmed', `date`: '2024-04-02', `citations`: 1, `sources`: ['techcrunch-2024-04-02'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`REPORTED_ON` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`date` = row.`date`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'facebook-data-scraping-leak.scraped_from.facebook', `from`: 'facebook-data-scraping-leak', `to`: 'facebook', `type`: 'scraped_from', `label`: 'scraped from', `directed`: true, `status`: 'confirmed', `start`: '2018-05-25', `end`: '2019-09', `citations`: 2, `sources`: ['irishexaminer-2022-11-28', 'computing-2022-11'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`SCRAPED_FROM` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`start` = row.`start`, r.`end` = row.`end`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'meta.settled.in-re-facebook-consumer-privacy', `from`: 'meta', `to`: 'in-re-facebook-consumer-privacy', `type`: 'settled', `label`: 'settled', `directed`: true, `status`: 'confirmed', `date`: '2022-12-22', `amount`: 725000000, `currency`: 'USD', `citations`: 5, `sources`: ['reuters-2022-12-23', 'ap-2022-12-23', 'kellerrohrback-2022-12-23', 'almanac-2023-05-05', 'slashgear-2023-07-28'], `disputed_by`: [], `admitted_wrongdoing`: false, `class_period`: '2007-05-24/2022-12-22'}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`SETTLED` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`date` = row.`date`, r.`amount` = row.`amount`, r.`currency` = row.`currency`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`, r.`admitted_wrongdoing` = row.`admitted_wrongdoing`, r.`class_period` = row.`class_period`;

UNWIND [
  {`id`: 'meta.shared_private_messages_with.netflix', `from`: 'meta', `to`: 'netflix', `type`: 'shared_private_messages_with', `label`: 'shared private messages with', `directed`: true, `status`: 'denied', `start`: '2013', `end`: '2019', `citations`: 2, `sources`: ['dailymail-2024-04-02', 'seed-000-foxbusiness'], `disputed_by`: ['meta', 'netflix']}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`SHARED_PRIVATE_MESSAGES_WITH` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`start` = row.`start`, r.`end` = row.`end`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'plaintiffs-letter-2023-04-14.sought_documents_from.reed-hastings', `from`: 'plaintiffs-letter-2023-04-14', `to`: 'reed-hastings', `type`: 'sought_documents_from', `label`: 'sought documents from', `directed`: true, `status`: 'reported', `date`: '2023-04-14', `citations`: 2, `sources`: ['arstechnica-2024-03', 'indiewire-2024-04'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`SOUGHT_DOCUMENTS_FROM` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`date` = row.`date`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'meta-platforms-ireland.subsidiary_of.meta', `from`: 'meta-platforms-ireland', `to`: 'meta', `type`: 'subsidiary_of', `label`: 'subsidiary of', `directed`: true, `status`: 'confirmed', `citations`: 2, `sources`: ['irishexaminer-2022-11-28', 'edpb-summary-2022-12-01'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`SUBSIDIARY_OF` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'us-district-court-ndcal.unsealed.plaintiffs-letter-2023-04-14', `from`: 'us-district-court-ndcal', `to`: 'plaintiffs-letter-2023-04-14', `type`: 'unsealed', `label`: 'unsealed', `directed`: true, `status`: 'reported', `date`: '2024-03-23', `citations`: 3, `sources`: ['zerohedge-2024-04-02', 'arstechnica-2024-03', 'slashdot-gizmodo-2024-03-28'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`UNSEALED` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`date` = row.`date`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;

UNWIND [
  {`id`: 'meta.whitelist_agreement_with.netflix', `from`: 'meta', `to`: 'netflix', `type`: 'whitelist_agreement_with', `label`: 'whitelist agreement with', `directed`: true, `status`: 'alleged', `citations`: 1, `sources`: ['arstechnica-2024-03'], `disputed_by`: []}
] AS row
MATCH (a:Entity {id: row.`from`}), (b:Entity {id: row.`to`})
MERGE (a)-[r:`WHITELIST_AGREEMENT_WITH` {id: row.id}]->(b)
SET r.`type` = row.`type`, r.`label` = row.`label`, r.`directed` = row.`directed`, r.`status` = row.`status`, r.`citations` = row.`citations`, r.`sources` = row.`sources`, r.`disputed_by` = row.`disputed_by`;


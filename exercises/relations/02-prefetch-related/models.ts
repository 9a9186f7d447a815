// The models of this exercise (you do not need to change them). Tables: club_member, club_club, club_membership.
import { BooleanField, CASCADE, CharField, ForeignKey, IntegerField, ManyToManyField, Manager, Model, type ManyRelatedManager, type RelatedManager } from '../../../engine/index.ts';

export class Member extends Model.define('club', 'Member', {
  name: CharField({ maxLength: 80 }),
}) {
  declare static objects: Manager<Member>;
  declare clubs: ManyRelatedManager<Club>;
  declare memberships: RelatedManager<Membership>;
}

export class Club extends Model.define('club', 'Club', {
  name: CharField({ maxLength: 80 }),
  // An explicit through model: its table has a name you chose and carries data of its own.
  members: ManyToManyField(() => Member, { through: 'club.Membership', relatedName: 'clubs' }),
}) {
  declare static objects: Manager<Club>;
  declare memberships: RelatedManager<Membership>;
}

export class Membership extends Model.define('club', 'Membership', {
  club: ForeignKey(() => Club, { onDelete: CASCADE, relatedName: 'memberships' }),
  member: ForeignKey(() => Member, { onDelete: CASCADE, relatedName: 'memberships' }),
  since: IntegerField(),
  active: BooleanField({ default: true }),
}) {
  declare static objects: Manager<Membership>;
}

export const models = [Member, Club, Membership];

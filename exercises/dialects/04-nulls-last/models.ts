// The model of this exercise (you do not need to change it). Table: arcade_player.
import { CharField, IntegerField, Manager, Model } from '../../../engine/index.ts';

export class Player extends Model.define('arcade', 'Player', {
  name: CharField({ maxLength: 40 }),
  score: IntegerField({ null: true }), // null: has not played yet
}) {
  declare static objects: Manager<Player>;
}

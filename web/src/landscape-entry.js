// The landscape room's script: it hands the room to the app that loads it.
import { mountLandscapeRoom } from './landscape-room.js';

self.SoftmaxLandscapeRoom = mountLandscapeRoom;
